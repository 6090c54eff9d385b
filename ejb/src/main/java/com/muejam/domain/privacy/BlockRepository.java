package com.muejam.domain.privacy;

import java.util.List;

/** Blocks between users. Lists are newest first, keyset-paged on the block's id. */
public interface BlockRepository {

    /** Records the block unless it exists; returns false if it already did. */
    boolean block(long blockerId, long blockedId, java.time.OffsetDateTime now);

    boolean unblock(long blockerId, long blockedId);

    /** Has {@code blockerId} blocked {@code blockedId}? ("is A blocked by B" is {@code isBlocked(B, A)}.) */
    boolean isBlocked(long blockerId, long blockedId);

    /** The users {@code blockerId} blocked. */
    List<BlockedUser> blockList(long blockerId, long beforeId, int limit);

    /** {@link #blockList} with each blocked user's username, in one statement (username null if gone). */
    List<NamedBlock> blockListNamed(long blockerId, long beforeId, int limit);

    /** One row of {@link #blockListNamed}: the block's id, the blocked user, their username, when. */
    record NamedBlock(long id, long blockedId, String username, java.time.OffsetDateTime createdAt) {
    }

    /** The users who blocked {@code blockedId} (a moderation signal). */
    List<BlockedUser> blockersOf(long blockedId, long beforeId, int limit);

    long blockedByCount(long blockedId);
}
