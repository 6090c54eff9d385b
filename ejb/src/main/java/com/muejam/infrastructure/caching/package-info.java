/**
 * How reads are cached and how a write invalidates the cache, behind the application's ports in
 * {@code com.muejam.application.caching}: {@link com.muejam.infrastructure.caching.CachedQueryInterceptor} serves
 * the methods marked {@code @CachedQuery}, {@link com.muejam.infrastructure.caching.CacheProducer} provides the
 * two-tier cache ({@code jcache-two-tier}), {@link com.muejam.infrastructure.caching.CacheInvalidationListener} and
 * {@link com.muejam.infrastructure.caching.AfterCommitInvalidation} (the application's {@code CacheInvalidation})
 * invalidate the tags of changed entities after the JTA transaction commits, the tags coming from the
 * application's entity → tag map ({@code CacheTags}). Nothing here knows about stories or users.
 */
package com.muejam.infrastructure.caching;
