package com.muejam.infrastructure.routing;

import java.util.Locale;

/** Why a read-only call went to the primary instead of a replica. The lower-case name is the metric label. */
public enum Fallback {
    /** Replicas are switched off ({@code USE_READ_REPLICA=false}): not counted as a fallback. */
    DISABLED,
    /** A JTA transaction is active (nothing written yet): a replica connection cannot join it. */
    TRANSACTION,
    /** The active transaction has written: its reads stay on the primary so they see its own writes. */
    WRITE_IN_TRANSACTION,
    /** Every replica in rotation is behind the client's read-your-writes position. */
    READ_YOUR_WRITES,
    /** No replica in rotation and at least one is out for lag. */
    LAG,
    /** No replica in rotation, all out because unreachable (or a read failed on one and was retried here). */
    DOWN,
    /** The replica's pool had no free connection within the acquisition timeout; the read was retried here. */
    POOL_EXHAUSTED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
