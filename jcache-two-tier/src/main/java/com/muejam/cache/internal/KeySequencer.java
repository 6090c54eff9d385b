package com.muejam.cache.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Striped change counters that keep a slow L1 fill from installing a value older than a concurrent write or
 * invalidation. A filler notes the counter of its key's stripe before it reads L2 (or runs a loader), installs, and
 * takes the copy out again if the counter moved meanwhile. Every write and every invalidation message bumps the
 * counter before it removes or replaces the L1 copy, so one of the two always wins against a stale fill.
 */
final class KeySequencer {

    private static final int STRIPES = 1024;
    private final AtomicLongArray counters = new AtomicLongArray(STRIPES);

    private static int stripe(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    public long current(String key) {
        return counters.get(stripe(key));
    }

    public long bump(String key) {
        return counters.incrementAndGet(stripe(key));
    }

    /** Invalidates every fill in flight (a flush of the whole L1). */
    public void bumpAll() {
        for (int i = 0; i < STRIPES; i++) {
            counters.incrementAndGet(i);
        }
    }
}
