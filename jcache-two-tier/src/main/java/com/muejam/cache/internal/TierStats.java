package com.muejam.cache.internal;

import java.util.concurrent.atomic.LongAdder;

/** Per-cache counters of this node, by tier. Plain adders: the application bridges them to its metrics. */
final class TierStats {
    public final LongAdder l1Hits = new LongAdder();
    public final LongAdder l1Misses = new LongAdder();
    public final LongAdder l2Hits = new LongAdder();
    public final LongAdder l2Misses = new LongAdder();
    public final LongAdder loads = new LongAdder();
    public final LongAdder loadFailures = new LongAdder();
    public final LongAdder writes = new LongAdder();
    public final LongAdder invalidationsReceived = new LongAdder();
    public final LongAdder clears = new LongAdder();
    public final LongAdder fillsRejected = new LongAdder();
    public final LongAdder l1Flushes = new LongAdder();

    public void reset() {
        for (LongAdder a : new LongAdder[] {l1Hits, l1Misses, l2Hits, l2Misses, loads, loadFailures,
                writes, invalidationsReceived, clears, fillsRejected, l1Flushes}) {
            a.reset();
        }
    }
}
