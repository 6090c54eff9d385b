/**
 * A two-tier JSR-107 cache: Ehcache 3 on heap (L1) in front of Redis through Redisson (L2), coherent across nodes.
 *
 * <p>Public API:
 * <ul>
 * <li>{@link com.muejam.cache.TwoTierCachingProvider}: the {@code javax.cache} provider (always look it up by class
 * name); each cache manager is one node.</li>
 * <li>{@link com.muejam.cache.TwoTierCacheManager}: the manager's extra operations (query cache, statistics, breaker
 * state), reached by {@code unwrap}.</li>
 * <li>{@link com.muejam.cache.QueryCache}: cached query results with tags, O(1) tag and region invalidation,
 * single-flight loads, race-free against concurrent writes.</li>
 * <li>{@link com.muejam.cache.KeyGenerator}, {@link com.muejam.cache.Tags}, {@link com.muejam.cache.Regions}: keys,
 * tag names and preset regions.</li>
 * <li>{@link com.muejam.cache.TwoTierCacheConfig}: settings from the environment ({@code VALKEY_URL},
 * {@code L1_CACHE_MAX_SIZE}, {@code L1_CACHE_DEFAULT_TTL}, {@code L2_CACHE_TTL_<REGION>}...).</li>
 * <li>{@link com.muejam.cache.CacheStatistics}, {@link com.muejam.cache.BreakerState}: metrics as plain numbers.</li>
 * </ul>
 * Implementation lives in {@code com.muejam.cache.internal.*} and is not API. No Jakarta EE dependency: container
 * integration (CDI producer, interceptor, after-commit hook) belongs to the application.
 */
package com.muejam.cache;
