package com.muejam.cache;

/**
 * Counters of one cache (region) on this node, by tier, plus the node's L2 health. A snapshot: read the values
 * again for fresh ones. Plain numbers, so the application can bridge them to whatever metrics library it uses.
 *
 * <p>A read is an L1 hit, or an L1 miss followed by an L2 hit or an L2 miss (L2 unreachable counts as a miss);
 * {@link #hits()} = L1 hits + L2 hits, {@link #misses()} = L2 misses.
 */
public interface CacheStatistics {

    /** Cache (region) name. */
    String name();

    long l1Hits();

    long l1Misses();

    long l2Hits();

    long l2Misses();

    /** L1 hits + L2 hits. */
    default long hits() {
        return l1Hits() + l2Hits();
    }

    /** Reads that found nothing in either tier. */
    default long misses() {
        return l2Misses();
    }

    /** hits / (hits + misses), 0 when there were no reads. */
    default double hitRate() {
        long h = hits();
        long total = h + misses();
        return total == 0 ? 0 : (double) h / total;
    }

    /** Loader (database) calls made on a miss. */
    long loads();

    long loadFailures();

    /** Loaded values not stored because an invalidation happened while they loaded. */
    long fillsRejected();

    /** L1 entries evicted for capacity. */
    long l1Evictions();

    /** Entries in L1 now. */
    long l1Size();

    /** Writes (put, remove, replace...) applied by this node. */
    long writes();

    /** Invalidations applied to this node's L1 for this cache: other nodes' writes and clears. */
    long invalidationsReceived();

    /** Clears of this cache issued by this node. */
    long clears();

    /** Times this cache's L1 was flushed (reconnects, clears elsewhere, breaker recovery). */
    long l1Flushes();

    /** Tag invalidations this node sent (node-wide). */
    long tagInvalidationsSent();

    /** Tag version messages this node received (node-wide). */
    long tagInvalidationsReceived();

    /** Failed L2 calls (node-wide). */
    long l2Errors();

    /** Breaker state of this node's L2. */
    BreakerState breakerState();

    /** Times the breaker opened (node-wide). */
    long breakerOpenings();
}
