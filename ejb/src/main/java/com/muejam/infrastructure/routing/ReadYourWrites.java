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
 *
 * <p>For a signed-in user ({@link #forUser}) the position also includes that user's last commit on any node within
 * the window of {@link UserCommitPositions} (asked once per request, when a read first needs it), and the
 * request's own commit is recorded there when the token is handed out: the user's other devices, which do not hold
 * this client's token, then read their own writes too.
 */
@RequestScoped
public class ReadYourWrites {

    @Inject
    CommitPositions positions;

    @Inject
    UserCommitPositions userPositions;

    private long required = Lsn.NONE;
    private boolean owed;
    private boolean primaryOnly;
    /** The signed-in user, or -1. */
    private long userId = -1;
    private boolean userPositionRead;
    /** This request's own commit position, once read. */
    private long ownCommit = Lsn.NONE;

    /** The request is the signed-in user's: that user's recent commits on any node must be visible. */
    public void forUser(long id) {
        if (id != userId) {
            userId = id;
            userPositionRead = false;
        }
    }

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
        if (userId >= 0 && !userPositionRead) {
            userPositionRead = true;
            long lsn = userPositions.lastCommitOf(userId);
            if (lsn == UserCommitPositions.UNKNOWN) {
                primaryOnly = true;
            } else if (lsn != Lsn.NONE) {
                require(lsn);
            }
        }
        return primaryOnly ? Long.MAX_VALUE : required;
    }

    /** The token to hand back to the client ({@link Lsn#NONE} when there is nothing to require). */
    public long token() {
        if (owed) {
            settle();
        }
        if (userId >= 0 && ownCommit != Lsn.NONE) {
            userPositions.committed(userId, ownCommit);
            ownCommit = Lsn.NONE;
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
            if (Long.compareUnsigned(lsn, ownCommit) > 0) {
                ownCommit = lsn;
            }
        }
        return true;
    }
}
