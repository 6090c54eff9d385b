package com.muejam.cache.internal;

import com.muejam.cache.BreakerState;
import com.muejam.cache.CacheStatistics;

/** A snapshot of one store's counters and its node's L2 figures. */
record Stats(String name, long l1Hits, long l1Misses, long l2Hits, long l2Misses, long loads, long loadFailures,
             long fillsRejected, long l1Evictions, long l1Size, long writes, long invalidationsReceived, long clears,
             long l1Flushes, long tagInvalidationsSent, long tagInvalidationsReceived, long l2Errors,
             BreakerState breakerState, long breakerOpenings) implements CacheStatistics {

    static Stats of(CacheStore store, Node node) {
        TierStats t = store.stats;
        return new Stats(store.name, t.l1Hits.sum(), t.l1Misses.sum(), t.l2Hits.sum(), t.l2Misses.sum(),
                t.loads.sum(), t.loadFailures.sum(), t.fillsRejected.sum(), store.l1Evictions(), store.l1Size(),
                t.writes.sum(), t.invalidationsReceived.sum(), t.clears.sum(), t.l1Flushes.sum(),
                node.tags.bumpsSent(), node.tags.bumpsReceived(), node.l2Errors.sum(), node.breaker.state(),
                node.breaker.timesOpened());
    }

    @Override
    public String toString() {
        return "CacheStatistics{" + name + ": l1 " + l1Hits + "/" + l1Misses + ", l2 " + l2Hits + "/" + l2Misses
                + ", hitRate=" + String.format("%.3f", hitRate()) + ", loads=" + loads + ", evictions=" + l1Evictions
                + ", invalidations=" + invalidationsReceived + ", l2Errors=" + l2Errors + ", breaker=" + breakerState
                + '}';
    }
}
