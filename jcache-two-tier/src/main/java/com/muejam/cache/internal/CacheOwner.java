package com.muejam.cache.internal;

import javax.cache.Cache;
import javax.cache.CacheManager;

/** What a cache needs of its cache manager, so that it does not depend on the manager class. */
interface CacheOwner {

    CacheManager cacheManager();

    /** Runs a {@code loadAll} in the background. */
    void executeLoad(Runnable task);

    /** The cache was closed on this node: the manager forgets it. */
    void release(Cache<?, ?> cache);

    void closeStore(CacheStore store);
}
