package com.muejam.cache.internal;

import com.muejam.cache.CacheStatistics;
import java.util.List;

/** What the query cache needs of its cache manager, so that it does not depend on the manager class. */
interface RegionCaches {

    /** The region's cache, created with the region's TTL on first use. */
    TwoTierJCache<String, Object> regionCache(String region);

    long regionTtlMillis(String region);

    /** Bumps the versions of these tag ids (on this node, in L2 and, by message, on the other nodes). */
    void invalidateTagIds(List<String> tagIds);

    CacheStatistics statistics(String cacheName);
}
