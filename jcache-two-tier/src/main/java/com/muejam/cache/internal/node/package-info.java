/**
 * One node of the cache: L1 per cache ({@link com.muejam.cache.internal.node.CacheStore}), the tag/generation
 * version table ({@link com.muejam.cache.internal.node.TagRegistry}), the fill fence
 * ({@link com.muejam.cache.internal.node.KeySequencer}), the invalidation subscription and failure handling
 * ({@link com.muejam.cache.internal.node.Node}).
 */
package com.muejam.cache.internal.node;
