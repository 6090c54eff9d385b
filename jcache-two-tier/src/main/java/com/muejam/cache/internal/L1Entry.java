package com.muejam.cache.internal;

/**
 * What L1 (Ehcache on heap) holds for one key: the value (as the object itself for by-reference caches, as bytes
 * for by-value ones), the stamp of the L2 entry it copies, and the versions it is valid under.
 */
final class L1Entry {

    /** The value object (by-reference caches); null in by-value caches. */
    public final Object ref;
    /** The serialized value; null only for node-local by-reference entries that could not be serialized. */
    public final byte[] payload;
    public final long stamp;
    /** Logical expiry of the entry (same as in L2). */
    public final long expireAt;
    /** When this copy leaves L1: never after {@link #expireAt}. */
    public final long l1ExpireAt;
    public final TagRegistry.State generation;
    public final long generationVersion;
    public final String[] tags;
    public final TagRegistry.State[] tagStates;
    public final long[] tagVersions;
    /** Written while L2 was unreachable: exists on this node only. */
    public final boolean localOnly;

    public L1Entry(Object ref, byte[] payload, long stamp, long expireAt, long l1ExpireAt,
                   TagRegistry.State generation, long generationVersion,
                   String[] tags, TagRegistry.State[] tagStates, long[] tagVersions, boolean localOnly) {
        this.ref = ref;
        this.payload = payload;
        this.stamp = stamp;
        this.expireAt = expireAt;
        this.l1ExpireAt = l1ExpireAt;
        this.generation = generation;
        this.generationVersion = generationVersion;
        this.tags = tags;
        this.tagStates = tagStates;
        this.tagVersions = tagVersions;
        this.localOnly = localOnly;
    }

    /**
     * Not cleared, not invalidated by a tag, and L1's copy not expired; since {@link #l1ExpireAt} is never after
     * {@link #expireAt}, a current copy is also a live value.
     */
    public boolean isCurrent(long now) {
        if (now >= l1ExpireAt) {
            return false;
        }
        long g = generation.version;
        if (g != generationVersion || g == TagRegistry.RETIRED) {
            return false;
        }
        return tagStates.length == 0 || TagRegistry.isCurrent(tagStates, tagVersions);
    }

    /** Logically present: current and not expired. */
    public boolean isLive(long now) {
        return now < expireAt && isCurrent(now);
    }
}
