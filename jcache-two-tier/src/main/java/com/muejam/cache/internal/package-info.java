/**
 * The implementation, not API: every type here is package-private except {@link com.muejam.cache.internal.Managers},
 * through which the provider opens a node. What is in it:
 * <ul>
 * <li>the {@code javax.cache} SPI: {@link com.muejam.cache.internal.TwoTierCacheManagerImpl} (one node) and
 * {@link com.muejam.cache.internal.TwoTierJCache} (JSR-107 semantics, every write through one compare-and-set
 * template), with events, statistics, MXBeans, entry processors and iteration in files of their own;</li>
 * <li>the node: L1 per cache ({@link com.muejam.cache.internal.CacheStore}), the tag and generation versions
 * ({@link com.muejam.cache.internal.TagRegistry}), the fill fence ({@link com.muejam.cache.internal.KeySequencer}),
 * the invalidation subscription and failure handling ({@link com.muejam.cache.internal.Node});</li>
 * <li>Redis as L2: the entry format ({@link com.muejam.cache.internal.StoredEntry}), the Lua scripts that make
 * check-write-publish one step ({@link com.muejam.cache.internal.RedisL2}) and the circuit breaker
 * ({@link com.muejam.cache.internal.Breaker});</li>
 * <li>the query cache ({@link com.muejam.cache.internal.QueryCacheImpl}): L1 fast path, single-flight loads,
 * version-checked fills. It and the caches reach their manager through small interfaces
 * ({@link com.muejam.cache.internal.RegionCaches}, {@link com.muejam.cache.internal.CacheOwner}), not the manager
 * class.</li>
 * </ul>
 */
package com.muejam.cache.internal;
