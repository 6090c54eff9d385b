package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.ModerationQuery.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.moderation.ActionType;
import com.muejam.domain.moderation.ModerationAction;
import com.muejam.domain.moderation.ModerationActionRepository;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaModerationActionRepository implements ModerationActionRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public ModerationAction add(ModerationAction action) {
        var em = entityManagers.forWrite();
        em.persist(action);
        em.flush();
        return action;
    }

    @Override
    public List<ModerationAction> byModerator(long moderatorId, TimeCursor before, int limit) {
        return list(ACTIONS_BY_MODERATOR, Map.of("moderatorId", moderatorId, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<ModerationAction> forFlag(long flagId, TimeCursor after, int limit) {
        return list(ACTIONS_FOR_FLAG, Map.of("flagId", flagId, "afterAt", after.at(), "afterId", after.id(),
                "limit", limit));
    }

    @Override
    public List<ModerationAction> againstTarget(TargetType type, long targetId, TimeCursor before, int limit) {
        return list(ACTIONS_AGAINST_TARGET, Map.of("targetType", type, "targetId", targetId,
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<ModerationAction> ofType(ActionType action, OffsetDateTime from, TimeCursor before, int limit) {
        return list(ACTIONS_OF_TYPE_BETWEEN, Map.of("action", action, "from", from, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<ModerationAction> since(OffsetDateTime from, TimeCursor before, int limit) {
        return list(ACTIONS_BETWEEN, Map.of("from", from, "beforeAt", before.at(), "beforeId", before.id(),
                "limit", limit));
    }

    private List<ModerationAction> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, ModerationAction.class, values);
    }
}
