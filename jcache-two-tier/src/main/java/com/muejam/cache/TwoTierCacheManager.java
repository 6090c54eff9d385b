package com.muejam.cache;

import java.time.Duration;
import java.util.List;
import javax.cache.CacheManager;

/**
 * The cache manager of the two-tier provider: one node of the cache. Obtain it with
 * {@code Caching.getCachingProvider(TwoTierCachingProvider.class.getName()).getCacheManager(...)} and
 * {@code unwrap(TwoTierCacheManager.class)}, or with {@link TwoTierCachingProvider#cacheManager(TwoTierCacheConfig)}.
 */
public interface TwoTierCacheManager extends CacheManager {

    /** The programmatic query-cache API on this manager's regions. */
    QueryCache queryCache();

    TwoTierCacheConfig config();

    /** Random id of this node (sender id of its invalidation messages). */
    String nodeId();

    BreakerState l2State();

    /** Statistics of every cache of this manager. */
    List<CacheStatistics> statistics();

    /** Statistics of one cache; null if there is no such cache. */
    CacheStatistics statistics(String cacheName);

    /** Drops this node's L1 copies of every cache (L2 is untouched). */
    void flushLocal();

    /**
     * Marks kept in L2 under {@code name}, each forgotten {@code ttl} after its last raise. Marks are never held
     * in L1: every read asks L2, so a raise on one node is seen by the next read on any other.
     */
    SharedMarks marks(String name, Duration ttl);
}
