package com.muejam.application.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.application.InvalidInputException;
import com.muejam.application.caching.CacheInvalidation;
import com.muejam.application.caching.CacheTags;
import com.muejam.application.caching.CachedQuery;
import com.muejam.application.caching.Regions;
import com.muejam.application.profile.ProfileLookup;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.privacy.BlockRepository;
import com.muejam.domain.profile.UserProfile;

/**
 * Blocks. Both are idempotent (the pair's unique key decides, no check-then-insert race). The rows are written
 * with native SQL, which no entity listener sees, so {@code blocks:{id}} of BOTH users is handed to
 * {@link CacheInvalidation} here: the blocker's lists and the blocked user's feeds both change.
 */
@ApplicationScoped
public class BlockService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    BlockRepository blocks;

    @Inject
    ProfileLookup lookup;

    @Inject
    CacheInvalidation invalidation;

    @Transactional
    public BlockResult block(long blockerId, String username) {
        UserProfile other = lookup.byUsername(username);
        if (other.getId() == blockerId) {
            throw new InvalidInputException("username", "you cannot block yourself");
        }
        boolean created = blocks.block(blockerId, other.getId(), OffsetDateTime.now(ZoneOffset.UTC));
        invalidate(blockerId, other.getId());
        return new BlockResult(other.getId(), other.getUsername(), created);
    }

    @Transactional
    public BlockResult unblock(long blockerId, String username) {
        UserProfile other = lookup.byUsername(username);
        boolean removed = other.getId() != blockerId && blocks.unblock(blockerId, other.getId());
        invalidate(blockerId, other.getId());
        return new BlockResult(other.getId(), other.getUsername(), removed);
    }

    /**
     * The users {@code blockerId} blocked, newest block first, below block id {@code beforeId}: one statement
     * whatever the page size (the usernames come joined, not looked up per block).
     */
    @ReadOnly
    @CachedQuery(region = Regions.USERS, tags = CacheTags.BLOCKS + "{0}")
    public List<BlockEntry> blockList(long blockerId, long beforeId, int limit) {
        List<BlockRepository.NamedBlock> page = blocks.blockListNamed(blockerId, beforeId,
                Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
        List<BlockEntry> entries = new ArrayList<>(page.size()); // serializable, for the cache
        for (BlockRepository.NamedBlock b : page) {
            entries.add(new BlockEntry(b.id(), b.blockedId(), b.username(), b.createdAt()));
        }
        return entries;
    }

    /** Has {@code blockerId} blocked {@code blockedId}? Cached per blocker (a profile view asks it). */
    @ReadOnly
    @CachedQuery(region = Regions.USERS, tags = CacheTags.BLOCKS + "{0}")
    public Boolean hasBlocked(long blockerId, long blockedId) {
        return blocks.isBlocked(blockerId, blockedId);
    }

    private void invalidate(long a, long b) {
        invalidation.afterCommit(List.of(CacheTags.blocks(a), CacheTags.blocks(b)));
    }
}
