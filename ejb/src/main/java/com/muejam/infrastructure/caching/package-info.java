/**
 * How reads are cached and how a write invalidates the cache: {@link com.muejam.infrastructure.caching.CachedQuery}
 * marks cacheable queries, {@link com.muejam.infrastructure.caching.CacheProducer} provides the two-tier cache
 * ({@code jcache-two-tier}), {@link com.muejam.infrastructure.caching.CacheInvalidationListener} and
 * {@link com.muejam.infrastructure.caching.AfterCommitInvalidation} invalidate the tags of changed entities after
 * the JTA transaction commits, and {@link com.muejam.infrastructure.caching.EntityTags} reads the entity → tag
 * map the application declares. Nothing here knows about stories or users.
 */
package com.muejam.infrastructure.caching;
