package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.ModerationQuery.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.moderation.ContentFlag;
import com.muejam.domain.moderation.ContentFlagRepository;
import com.muejam.domain.moderation.FlagReason;
import com.muejam.domain.moderation.FlagStatus;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaContentFlagRepository implements ContentFlagRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public ContentFlag add(ContentFlag flag) {
        var em = entityManagers.forWrite();
        em.persist(flag);
        em.flush();
        return flag;
    }

    @Override
    public Optional<ContentFlag> findById(long id) {
        return Optional.ofNullable(entityManagers.forRead().find(ContentFlag.class, id));
    }

    @Override
    public Optional<ContentFlag> lockById(long id) {
        return Optional.ofNullable(entityManagers.forWrite().find(ContentFlag.class, id,
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<ContentFlag> pendingQueue(TimeCursor after, int limit) {
        return list(MODERATION_QUEUE, Map.of("afterAt", after.at(), "afterId", after.id(), "limit", limit));
    }

    @Override
    public List<ContentFlag> pendingQueue(FlagReason reason, TimeCursor after, int limit) {
        return list(MODERATION_QUEUE_BY_REASON, Map.of("reason", reason, "afterAt", after.at(),
                "afterId", after.id(), "limit", limit));
    }

    @Override
    public List<ContentFlag> forTarget(TargetType type, long targetId, TimeCursor before, int limit) {
        return list(FLAGS_FOR_TARGET, Map.of("targetType", type, "targetId", targetId, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<ContentFlag> byReporter(long reporterId, TimeCursor before, int limit) {
        return list(FLAGS_BY_REPORTER, Map.of("reporterId", reporterId, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public boolean pendingExists(long reporterId, TargetType type, long targetId) {
        return NativeQueries.bool(entityManagers.forRead(), PENDING_FLAG_EXISTS,
                Map.of("reporterId", reporterId, "targetType", type, "targetId", targetId));
    }

    @Override
    public int closePendingForTarget(TargetType type, long targetId, FlagStatus outcome, long moderatorId,
                                     OffsetDateTime now) {
        if (outcome == FlagStatus.pending) {
            throw new IllegalArgumentException("flags are closed as resolved or dismissed");
        }
        return NativeQueries.execute(entityManagers.forWrite(), RESOLVE_PENDING_FLAGS_FOR_TARGET,
                Map.of("status", outcome, "now", now, "moderatorId", moderatorId, "targetType", type,
                        "targetId", targetId));
    }

    @Override
    public List<ContentFlag> recentlyResolved(TimeCursor before, int limit) {
        return list(RECENTLY_RESOLVED_FLAGS, Map.of("beforeAt", before.at(), "beforeId", before.id(),
                "limit", limit));
    }

    @Override
    public List<ContentFlag> resolvedBy(long moderatorId, TimeCursor before, int limit) {
        return list(FLAGS_RESOLVED_BY, Map.of("moderatorId", moderatorId, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    private List<ContentFlag> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, ContentFlag.class, values);
    }
}
