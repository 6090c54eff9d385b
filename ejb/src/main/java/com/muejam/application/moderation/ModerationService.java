package com.muejam.application.moderation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import com.muejam.application.ConflictException;
import com.muejam.application.NotFoundException;
import com.muejam.application.notification.NotificationService;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.audit.AuditLogRepository;
import com.muejam.domain.moderation.ActionType;
import com.muejam.domain.moderation.ContentFlag;
import com.muejam.domain.moderation.ContentFlagRepository;
import com.muejam.domain.moderation.FlagReason;
import com.muejam.domain.moderation.FlagStatus;
import com.muejam.domain.moderation.ModerationAction;
import com.muejam.domain.moderation.ModerationActionRepository;
import com.muejam.domain.notification.NotificationType;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryRepository;

/**
 * Flags and moderation decisions. Writes run in one JTA transaction on the primary: the change, the
 * {@code moderation_actions} row, the audit row ({@code audit_logs}: actor, action, target, address, time) and the
 * notifications commit or roll back together. A removed story changes through the {@link Story} entity, so its
 * cache tags ({@code story:{id}}, the author's lists, the feeds) are invalidated after the commit. Moderator-only
 * reads are not cached: a queue must be current, and moderators are few.
 */
@ApplicationScoped
public class ModerationService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Flags closed per round trip when a removal closes the other pending flags of its target. */
    private static final int CLOSE_BATCH = 500;

    @Inject
    ContentFlagRepository flags;

    @Inject
    ModerationActionRepository actions;

    @Inject
    AuditLogRepository audit;

    @Inject
    StoryRepository stories;

    @Inject
    UserProfileRepository profiles;

    @Inject
    NotificationService notifications;

    /**
     * A reader flags a story or a profile. The target must exist (a deleted story cannot be flagged: 404); a
     * reporter has at most one pending flag per target (409; the unique index also decides a race).
     */
    @Transactional
    public ContentFlag flag(long reporterId, TargetType type, long targetId, FlagReason reason, String details,
                            String ip) {
        requireTarget(type, targetId, false);
        if (flags.pendingExists(reporterId, type, targetId)) {
            throw new ConflictException("you already have a pending flag on " + type + " " + targetId);
        }
        OffsetDateTime now = now();
        ContentFlag flag = flags.add(new ContentFlag(type, targetId, reporterId, reason, details, now));
        audit.append(reporterId, "content.flag", type.name(), targetId, ip, now);
        return flag;
    }

    /** A moderator decides a pending flag; a flag already decided is a conflict (409). */
    @Transactional
    public DecisionOutcome decide(long moderatorId, long flagId, Decision decision, String note, String ip) {
        ContentFlag flag = flags.lockById(flagId).orElseThrow(() -> new NotFoundException("flag", flagId));
        if (flag.getStatus() != FlagStatus.pending) {
            throw new ConflictException("flag " + flagId + " was already " + flag.getStatus());
        }
        OffsetDateTime now = now();
        TargetType type = flag.getTargetType();
        long targetId = flag.getTargetId();
        Set<Long> reporters = new LinkedHashSet<>();
        reporters.add(flag.getReporterId());
        Long actionId = null;
        int closed = 1;
        int notified = 0;
        switch (decision) {
            case resolve -> flag.close(FlagStatus.resolved, moderatorId, now);
            case dismiss -> {
                flag.close(FlagStatus.dismissed, moderatorId, now);
                actionId = actions.add(new ModerationAction(flagId, moderatorId, type, targetId, ActionType.dismiss,
                        note, now)).getId();
            }
            case remove_content -> {
                long authorId = removeContent(type, targetId, now);
                flag.close(FlagStatus.resolved, moderatorId, now);
                // persist + flush: the flag's own closing is written before the other pending flags are read
                actionId = actions.add(new ModerationAction(flagId, moderatorId, type, targetId,
                        ActionType.remove_content, note, now)).getId();
                reporters.addAll(pendingReporters(type, targetId));
                closed += flags.closePendingForTarget(type, targetId, FlagStatus.resolved, moderatorId, now);
                notifications.notify(authorId, NotificationType.moderation, type, targetId,
                        payload("content_removed", flag).add("reason", flag.getReason().name()).build().toString());
                notified++;
            }
            default -> throw new IllegalArgumentException(String.valueOf(decision));
        }
        String outcome = decision == Decision.dismiss ? "flag_dismissed" : "flag_resolved";
        for (long reporter : reporters) {
            notifications.notify(reporter, NotificationType.moderation, type, targetId,
                    payload(outcome, flag).build().toString());
            notified++;
        }
        audit.append(moderatorId, "moderation." + decision.name(), type.name(), targetId, ip, now);
        return new DecisionOutcome(flag, actionId, closed, notified);
    }

    @ReadOnly
    public ContentFlag flag(long id) {
        return flags.findById(id).orElseThrow(() -> new NotFoundException("flag", id));
    }

    /** Pending flags, oldest first (optionally of one reason), after {@code after}. */
    @ReadOnly
    public List<ContentFlag> queue(FlagReason reason, TimeCursor after, int limit) {
        int n = page(limit);
        return reason == null ? flags.pendingQueue(after, n) : flags.pendingQueue(reason, after, n);
    }

    /** Every flag about a target, newest first; 404 when the target never existed. */
    @ReadOnly
    public List<ContentFlag> flagsFor(TargetType type, long targetId, TimeCursor before, int limit) {
        requireTarget(type, targetId, true);
        return flags.forTarget(type, targetId, before, page(limit));
    }

    /** Actions taken against a target, newest first; 404 when the target never existed. */
    @ReadOnly
    public List<ModerationAction> actionsAgainst(TargetType type, long targetId, TimeCursor before, int limit) {
        requireTarget(type, targetId, true);
        return actions.againstTarget(type, targetId, before, page(limit));
    }

    /** One moderator's actions, newest first. */
    @ReadOnly
    public List<ModerationAction> actionsBy(long moderatorId, TimeCursor before, int limit) {
        return actions.byModerator(moderatorId, before, page(limit));
    }

    /** Removes the target's content; returns the user it belongs to (the one to notify). */
    private long removeContent(TargetType type, long targetId, OffsetDateTime now) {
        return switch (type) {
            case story -> {
                Story story = stories.findById(targetId).orElseThrow(() -> new NotFoundException("story", targetId));
                if (!story.isDeleted()) {
                    story.delete(now); // through the entity: its cache tags are invalidated after commit
                }
                yield story.getAuthorId();
            }
            case profile -> {
                UserProfile profile = profiles.findForUpdate(targetId)
                        .orElseThrow(() -> new NotFoundException("profile", targetId));
                profile.setDisplayName(null);
                profile.setBio(null);
                yield profile.getId();
            }
        };
    }

    /** The reporters of the target's still pending flags (read before they are closed, to notify them). */
    private Set<Long> pendingReporters(TargetType type, long targetId) {
        Set<Long> reporters = new LinkedHashSet<>();
        TimeCursor before = TimeCursor.newestFirst();
        while (true) {
            List<ContentFlag> page = flags.forTarget(type, targetId, before, CLOSE_BATCH);
            for (ContentFlag f : page) {
                if (f.getStatus() == FlagStatus.pending) {
                    reporters.add(f.getReporterId());
                }
            }
            if (page.size() < CLOSE_BATCH) {
                return reporters;
            }
            ContentFlag last = page.get(page.size() - 1);
            before = new TimeCursor(last.getCreatedAt(), last.getId());
        }
    }

    /** 404 unless the target exists; a deleted story counts only when {@code deletedToo} (its history stays). */
    private void requireTarget(TargetType type, long targetId, boolean deletedToo) {
        boolean exists = switch (type) {
            case story -> stories.findById(targetId).filter(s -> deletedToo || !s.isDeleted()).isPresent();
            case profile -> profiles.findById(targetId).isPresent();
        };
        if (!exists) {
            throw new NotFoundException(type.name(), targetId);
        }
    }

    private static JsonObjectBuilder payload(String event, ContentFlag flag) {
        return Json.createObjectBuilder()
                .add("event", event)
                .add("flagId", flag.getId())
                .add("targetType", flag.getTargetType().name())
                .add("targetId", flag.getTargetId());
    }

    private static int page(int limit) {
        return Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
