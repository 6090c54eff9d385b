package com.muejam.domain.moderation;

import java.time.OffsetDateTime;
import java.util.List;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;

/** The moderation log. Lists are keyset-paged. */
public interface ModerationActionRepository {

    ModerationAction add(ModerationAction action);

    /** One moderator's actions, newest first. */
    List<ModerationAction> byModerator(long moderatorId, TimeCursor before, int limit);

    /** The actions taken on one flag, in order. */
    List<ModerationAction> forFlag(long flagId, TimeCursor after, int limit);

    /** Prior actions against a story or user, newest first. */
    List<ModerationAction> againstTarget(TargetType type, long targetId, TimeCursor before, int limit);

    /** Actions of one type from {@code from} on, newest first. */
    List<ModerationAction> ofType(ActionType action, OffsetDateTime from, TimeCursor before, int limit);

    /** All actions from {@code from} on, newest first. */
    List<ModerationAction> since(OffsetDateTime from, TimeCursor before, int limit);
}
