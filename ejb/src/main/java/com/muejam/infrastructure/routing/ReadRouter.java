package com.muejam.infrastructure.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replica choice for one read-only call, from cached state only (no I/O, no locks, no allocation):
 * round-robin over the replicas in rotation that have replayed the caller's read-your-writes position; the
 * primary when none qualifies, with the reason.
 */
public final class ReadRouter {

    private final ReplicaRotation[] replicas;
    private final AtomicInteger next = new AtomicInteger();

    public ReadRouter(List<ReplicaRotation> replicas) {
        this.replicas = replicas.toArray(new ReplicaRotation[0]);
    }

    /**
     * @param requiredLsn the position the read must see ({@link Lsn#NONE} for none); a replica qualifies only
     *                    if its cached replayed LSN is at least this
     */
    public Decision route(long requiredLsn) {
        int n = replicas.length;
        if (n == 0) {
            return Decision.fallback(Fallback.DOWN);
        }
        int start = n == 1 ? 0 : Math.floorMod(next.getAndIncrement(), n);
        boolean anyIn = false;
        boolean anyLag = false;
        for (int i = 0; i < n; i++) {
            ReplicaRotation r = replicas[(start + i) % n];
            if (!r.inRotation()) {
                anyLag |= r.state() == ReplicaRotation.State.OUT_LAG;
                continue;
            }
            anyIn = true;
            if (requiredLsn != Lsn.NONE && Long.compareUnsigned(r.replayLsn(), requiredLsn) < 0) {
                continue;
            }
            return Decision.to(r.route());
        }
        return Decision.fallback(anyIn ? Fallback.READ_YOUR_WRITES : anyLag ? Fallback.LAG : Fallback.DOWN);
    }

    public List<ReplicaRotation> replicas() {
        return List.of(replicas);
    }
}
