package com.muejam.domain.moderation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;

/** Flags and the moderation queue. Lists are keyset-paged. */
public interface ContentFlagRepository {

    ContentFlag add(ContentFlag flag);

    Optional<ContentFlag> findById(long id);

    /**
     * The flag, row-locked ({@code SELECT ... FOR UPDATE}) on the primary until the transaction ends: two moderators
     * deciding the same flag are serialised, and the second sees the first's decision.
     */
    Optional<ContentFlag> lockById(long id);

    /** The moderation queue: pending flags, oldest first. */
    List<ContentFlag> pendingQueue(TimeCursor after, int limit);

    /** The queue of one reason, oldest first. */
    List<ContentFlag> pendingQueue(FlagReason reason, TimeCursor after, int limit);

    /** All flags about one target, newest first. */
    List<ContentFlag> forTarget(TargetType type, long targetId, TimeCursor before, int limit);

    /** Flags filed by one reporter, newest first. */
    List<ContentFlag> byReporter(long reporterId, TimeCursor before, int limit);

    /** Whether this reporter already has a pending flag on this target (at most one is allowed). */
    boolean pendingExists(long reporterId, TargetType type, long targetId);

    /** Closes every pending flag of a target; returns how many. */
    int closePendingForTarget(TargetType type, long targetId, FlagStatus outcome, long moderatorId,
                              OffsetDateTime now);

    /** Closed flags, latest decision first. */
    List<ContentFlag> recentlyResolved(TimeCursor before, int limit);

    /** Flags closed by one moderator, latest first. */
    List<ContentFlag> resolvedBy(long moderatorId, TimeCursor before, int limit);
}
