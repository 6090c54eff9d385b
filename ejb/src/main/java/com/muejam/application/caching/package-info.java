/**
 * What the application services need from the cache, owned by the application: the region names
 * ({@link com.muejam.application.caching.Regions}, and so their TTL settings), the
 * {@link com.muejam.application.caching.CachedQuery} interceptor binding, every cache tag and the entity → tag map
 * ({@link com.muejam.application.caching.CacheTags}), and the port through which a service invalidates tags after
 * its transaction commits ({@link com.muejam.application.caching.CacheInvalidation}). The infrastructure's caching
 * package implements them; nothing here depends on it.
 */
package com.muejam.application.caching;
