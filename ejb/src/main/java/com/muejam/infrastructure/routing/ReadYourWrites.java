package com.muejam.infrastructure.routing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The read-your-writes position of the current request: the highest of the LSN the client sent back (the
 * {@code MueJam-Consistency} token) and the commit positions of this request's own transactions.
 * A read-only call may use a replica only if the monitor has seen that replica replay at least this position.
 *
 * <p>A commit does not read its position at once: the committing thread may still hold the finished transaction's
 * primary connection (the pool takes it back after the synchronizations have run), and a second checkout from the
 * same pool at that moment deadlocks as soon as callers outnumber connections. The position is owed instead and
 * read on the first occasion that needs it while the request holds no primary connection: the next routing or
 * cache decision outside a transaction, or the response's token. One read covers every commit before it.
 */
@RequestScoped
public class ReadYourWrites {

    @Inject
    CommitPositions positions;

    private long required = Lsn.NONE;
    private boolean owed;
    private boolean primaryOnly;

    /** The client's token: its earlier writes must be visible. */
    public void require(long lsn) {
        if (Long.compareUnsigned(lsn, required) > 0) {
            required = lsn;
        }
    }

    /** A transaction of this request committed on the primary; its position is read when first needed. */
    public void committed() {
        owed = true;
    }

    /**
     * What reads must see: {@link Lsn#NONE}, a position, or {@link Long#MAX_VALUE} (the primary only). Inside a
     * transaction an owed position is not read (that would be a second primary connection): the answer is then the
     * primary only, which is where reads inside a transaction go anyway.
     */
    public long requiredLsn() {
        if (owed && !settle()) {
            return Long.MAX_VALUE;
        }
        return primaryOnly ? Long.MAX_VALUE : required;
    }

    /** The token to hand back to the client ({@link Lsn#NONE} when there is nothing to require). */
    public long token() {
        if (owed) {
            settle();
        }
        return required;
    }

    /** Reads an owed position if no transaction is running on this thread; false when it must wait. */
    private boolean settle() {
        if (positions.transactionRunning()) {
            return false;
        }
        owed = false;
        long lsn = positions.currentPosition();
        if (lsn == Lsn.NONE) {
            primaryOnly = true;
        } else {
            require(lsn);
        }
        return true;
    }
}
