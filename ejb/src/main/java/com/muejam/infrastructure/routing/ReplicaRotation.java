package com.muejam.infrastructure.routing;

import java.util.concurrent.TimeUnit;

/**
 * Whether one replica is in the read rotation. It leaves at once when a check finds it unreachable or lagging
 * more than the maximum lag, or when a read on it fails at the connection level; it comes back only after it
 * has been healthy without interruption for the rejoin delay, so a replica hovering at the limit does not
 * flap. The very first healthy check after start admits it at once (there is no history to distrust yet).
 *
 * <p>Transitions are serialised; the read path only reads the volatile fields ({@link #inRotation()},
 * {@link #replayLsn()}), so it never blocks on a check.
 */
public final class ReplicaRotation {

    /** Why a replica is out of rotation. */
    public enum State {
        /** Not checked yet: not used. */
        UNCHECKED,
        IN,
        OUT_LAG,
        OUT_DOWN
    }

    /** What a check or failure report changed. */
    public enum Transition {
        NONE, JOINED, LEFT
    }

    private final Route route;

    private volatile State state = State.UNCHECKED;
    private volatile long replayLsn = Lsn.NONE;
    private volatile ReplicaObservation last;
    private volatile long lastCheckedAt;
    private volatile String outCause = "not checked yet";

    /** Start of the current uninterrupted healthy stretch while out; -1 when not healthy. */
    private long healthySince = -1;

    public ReplicaRotation(Route route) {
        this.route = route;
    }

    public Route route() {
        return route;
    }

    /** Read path: may this replica serve reads now? */
    public boolean inRotation() {
        return state == State.IN;
    }

    public State state() {
        return state;
    }

    /** The replayed LSN of the latest successful check, the read-your-writes comparison point. */
    public long replayLsn() {
        return replayLsn;
    }

    /** The latest check, {@code null} before the first. */
    public ReplicaObservation lastObservation() {
        return last;
    }

    /** {@link System#nanoTime()} of the latest check, 0 before the first. */
    public long lastCheckedAt() {
        return lastCheckedAt;
    }

    /** Why it is out of rotation (empty while in). */
    public String outCause() {
        return state == State.IN ? "" : outCause;
    }

    /** Applies one check made at {@code now}. */
    public synchronized Transition observe(ReplicaObservation o, long now, long maxLagNanos, long rejoinAfterNanos) {
        last = o;
        lastCheckedAt = now;
        if (o.reachable()) {
            replayLsn = o.replayLsn();
        }
        State unhealthy = !o.reachable() ? State.OUT_DOWN : o.lagNanos() > maxLagNanos ? State.OUT_LAG : null;
        if (unhealthy != null) {
            healthySince = -1;
            outCause = unhealthy == State.OUT_DOWN ? "unreachable: " + o.error()
                    : String.format("lag %.1f s > %.1f s", o.lagNanos() / 1e9, maxLagNanos / 1e9);
            if (state != unhealthy) {
                boolean wasIn = state == State.IN;
                state = unhealthy;
                return wasIn ? Transition.LEFT : Transition.NONE;
            }
            return Transition.NONE;
        }
        switch (state) {
            case IN:
                return Transition.NONE;
            case UNCHECKED:
                state = State.IN;
                return Transition.JOINED;
            default:
                if (healthySince < 0) {
                    healthySince = now;
                }
                if (now - healthySince >= rejoinAfterNanos) {
                    state = State.IN;
                    healthySince = -1;
                    return Transition.JOINED;
                }
                outCause = String.format("healthy for %d ms, rejoins after %d ms",
                        TimeUnit.NANOSECONDS.toMillis(now - healthySince), TimeUnit.NANOSECONDS.toMillis(rejoinAfterNanos));
                return Transition.NONE;
        }
    }

    /** A read on this replica failed at the connection level: out at once, the healthy stretch starts over. */
    public synchronized Transition markDown(String cause) {
        healthySince = -1;
        outCause = "read failed: " + cause;
        boolean wasIn = state == State.IN;
        state = State.OUT_DOWN;
        return wasIn ? Transition.LEFT : Transition.NONE;
    }
}
