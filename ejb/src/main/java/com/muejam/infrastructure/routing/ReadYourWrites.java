package com.muejam.infrastructure.routing;

import jakarta.enterprise.context.RequestScoped;

/**
 * The read-your-writes position of the current request: the highest of the LSN the client sent back (the
 * {@code MueJam-Consistency} token) and the commit LSNs of this request's own transactions. A read-only call
 * may use a replica only if the monitor has seen that replica replay at least this position.
 */
@RequestScoped
public class ReadYourWrites {

    private long required = Lsn.NONE;
    private boolean primaryOnly;

    /** The client's token: its earlier writes must be visible. */
    public void require(long lsn) {
        if (Long.compareUnsigned(lsn, required) > 0) {
            required = lsn;
        }
    }

    /** A transaction of this request committed; {@code lsn} is at or after its commit record. */
    public void committed(long lsn) {
        require(lsn);
    }

    /** A commit position could not be read: keep this request's reads on the primary. */
    public void primaryOnly() {
        primaryOnly = true;
    }

    /** What reads must see: {@link Lsn#NONE}, a position, or {@link Long#MAX_VALUE} (the primary only). */
    public long requiredLsn() {
        return primaryOnly ? Long.MAX_VALUE : required;
    }

    /** The token to hand back to the client ({@link Lsn#NONE} when there is nothing to require). */
    public long token() {
        return required;
    }
}
