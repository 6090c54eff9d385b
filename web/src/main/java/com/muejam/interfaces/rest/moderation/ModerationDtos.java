package com.muejam.interfaces.rest.moderation;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.muejam.application.moderation.DecisionOutcome;
import com.muejam.domain.moderation.ContentFlag;
import com.muejam.domain.moderation.ModerationAction;

/** JSON shapes of the moderation resources. Enum values are validated as text so a wrong one is a 400 naming it. */
public final class ModerationDtos {

    static final String TARGET_TYPES = "story|profile";
    static final String REASONS = "spam|harassment|hate|nsfw_unmarked|plagiarism|violence|other";
    static final String DECISIONS = "resolve|dismiss|remove_content";
    /** Largest free text (details of a flag, a moderator's note). */
    static final int MAX_TEXT = 2000;

    private ModerationDtos() {
    }

    public record FlagRequest(
            @NotNull @Pattern(regexp = TARGET_TYPES, message = "one of " + TARGET_TYPES) String targetType,
            @NotNull @Positive Long targetId,
            @NotNull @Pattern(regexp = REASONS, message = "one of " + REASONS) String reason,
            @Size(max = MAX_TEXT) String details) {
    }

    public record DecisionRequest(
            @NotNull @Pattern(regexp = DECISIONS, message = "one of " + DECISIONS) String action,
            @Size(max = MAX_TEXT) String note) {
    }

    public record FlagView(long id, String targetType, long targetId, long reporterId, String reason, String details,
            String status, OffsetDateTime createdAt, OffsetDateTime resolvedAt, Long resolvedBy) {

        static FlagView of(ContentFlag f) {
            return new FlagView(f.getId(), f.getTargetType().name(), f.getTargetId(), f.getReporterId(),
                    f.getReason().name(), f.getDetails(), f.getStatus().name(), f.getCreatedAt(), f.getResolvedAt(),
                    f.getResolvedBy());
        }
    }

    public record ActionView(long id, Long flagId, long moderatorId, String targetType, long targetId, String action,
            String note, OffsetDateTime createdAt) {

        static ActionView of(ModerationAction a) {
            return new ActionView(a.getId(), a.getFlagId(), a.getModeratorId(), a.getTargetType().name(),
                    a.getTargetId(), a.getAction().name(), a.getNote(), a.getCreatedAt());
        }
    }

    /** The decided flag, the action row written (null for {@code resolve}), flags closed and users notified. */
    public record DecisionView(FlagView flag, Long actionId, int closedFlags, int notified) {

        static DecisionView of(DecisionOutcome o) {
            return new DecisionView(FlagView.of(o.flag()), o.actionId(), o.closedFlags(), o.notified());
        }
    }
}
