package com.muejam.infrastructure.routing;

/**
 * Recent (time, primary LSN) samples, so that a replica's replayed LSN can be turned into a lag in time: the
 * replica is as far behind as the time since the primary was first seen past the position it has replayed.
 * That is 0 when the replica has replayed everything the primary had at its latest sample, and it does not
 * grow while the primary is idle (unlike {@code now() - pg_last_xact_replay_timestamp()}).
 *
 * <p>Written by the primary's check, read by the replicas' checks; never on the read path.
 */
public final class LsnHistory {

    private final long[] at;
    private final long[] lsn;
    private int next;
    private int size;

    public LsnHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        at = new long[capacity];
        lsn = new long[capacity];
    }

    /** Records the primary's position at {@code nanos} (a {@link System#nanoTime()} value). */
    public synchronized void record(long nanos, long primaryLsn) {
        at[next] = nanos;
        lsn[next] = primaryLsn;
        next = (next + 1) % at.length;
        size = Math.min(size + 1, at.length);
    }

    /** The primary's latest sampled position, {@link Lsn#NONE} before the first sample. */
    public synchronized long latest() {
        return size == 0 ? Lsn.NONE : lsn[index(size - 1)];
    }

    /**
     * How long the replica that has replayed {@code replayed} is behind, as of {@code now}: the age of the
     * oldest sample in which the primary was already past {@code replayed}, or 0 when it has caught up with the
     * latest sample. When even the oldest sample is past it, the age of that sample (a lower bound).
     */
    public synchronized long lagNanos(long replayed, long now) {
        if (size == 0 || Long.compareUnsigned(replayed, lsn[index(size - 1)]) >= 0) {
            return 0;
        }
        int first = size - 1; // newest sample past `replayed`; walk back while older ones are past it too
        while (first > 0 && Long.compareUnsigned(lsn[index(first - 1)], replayed) > 0) {
            first--;
        }
        return Math.max(0, now - at[index(first)]);
    }

    /**
     * How long ago the primary was first seen at or past {@code position}, as of {@code now}: 0 when no sample has
     * reached it yet (it is newer than the latest sample, or there is none). When even the oldest sample is past it,
     * the age of that sample (a lower bound). Since samples are taken after the fact, this never overstates the age.
     */
    public synchronized long ageNanos(long position, long now) {
        if (size == 0 || Long.compareUnsigned(lsn[index(size - 1)], position) < 0) {
            return 0;
        }
        int first = size - 1; // newest sample at or past `position`; walk back while older ones are too
        while (first > 0 && Long.compareUnsigned(lsn[index(first - 1)], position) >= 0) {
            first--;
        }
        return Math.max(0, now - at[index(first)]);
    }

    /** Logical position i (0 = oldest) to array index. */
    private int index(int i) {
        return (next - size + i + at.length) % at.length;
    }
}
