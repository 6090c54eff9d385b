/**
 * The public API of the two-tier JSR-107 cache: Ehcache 3 on heap (L1) in front of Redis through Redisson (L2),
 * coherent across nodes. These types are the whole API:
 * <ul>
 * <li>{@link com.muejam.cache.TwoTierCachingProvider}: the {@code javax.cache} provider, registered for
 * {@code ServiceLoader}; look it up by class name (another provider may be present); each cache manager is one
 * node.</li>
 * <li>{@link com.muejam.cache.TwoTierCacheManager}: the manager's own operations (query cache, statistics, breaker
 * state, shared marks), reached by {@code unwrap}.</li>
 * <li>{@link com.muejam.cache.QueryCache}: cached query results with tags, O(1) tag and region invalidation,
 * single-flight loads, race-free against concurrent writes.</li>
 * <li>{@link com.muejam.cache.TwoTierCacheConfig} and its builder: settings from the environment ({@code VALKEY_URL},
 * {@code L1_CACHE_MAX_SIZE}, {@code L2_CACHE_TTL_<REGION>}...) and the application's regions
 * ({@code Builder.regions}); the library itself knows only the {@code default} region.</li>
 * <li>{@link com.muejam.cache.CacheStatistics}, {@link com.muejam.cache.BreakerState}: figures as plain numbers.</li>
 * <li>{@link com.muejam.cache.KeyGenerator}, {@link com.muejam.cache.Tags}, {@link com.muejam.cache.SharedMarks}:
 * keys, tag names, marks kept in L2 only.</li>
 * </ul>
 * The implementation, {@code com.muejam.cache.internal}, is package-private but for the factory the provider uses.
 * No Jakarta EE dependency: container integration (CDI producer, interceptor, after-commit hook) belongs to the
 * application.
 */
package com.muejam.cache;
