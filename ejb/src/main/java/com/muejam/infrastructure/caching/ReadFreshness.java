package com.muejam.infrastructure.caching;

/**
 * What the cache needs to know from whoever tracks the caller's consistency requirement (the routing package's
 * read-your-writes position implements it): how long ago the newest write the current caller must see was
 * committed. A cached value may predate that write for up to {@code CACHE_REPLICA_GRACE_MS} after its commit
 * (a miss served by a replica that had not replayed it yet, see {@link AfterCommitInvalidation}); within that
 * window {@link CachedQueryInterceptor} bypasses the cache for this caller.
 */
public interface ReadFreshness {

    /** The caller must see no particular write. */
    long NONE = Long.MAX_VALUE;

    /** Nanoseconds since the newest write the current caller must see was committed (0 if just now), or {@link #NONE}. */
    long requiredWriteAgeNanos();
}
