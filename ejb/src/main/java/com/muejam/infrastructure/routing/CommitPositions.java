package com.muejam.infrastructure.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Follows the transactions that write on the primary. The first {@link EntityManagers#forWrite()} in a JTA
 * transaction marks it as having written (its later reads stay on the primary) and registers a
 * synchronization; after a commit that synchronization tells the request's {@link ReadYourWrites} that a
 * position is owed. The position itself, {@code pg_current_wal_insert_lsn()} on a pooled primary connection, is
 * read later by {@link #currentPosition()}, when the request holds no primary connection: never from inside
 * the synchronization, where the finished transaction's connection is not yet back in the pool. That position
 * is at or after the commit record (an upper bound), so a replica that has replayed it shows the commit. One
 * extra round trip per writing request; none per read.
 */
@ApplicationScoped
public class CommitPositions {

    private static final Logger LOG = Logger.getLogger(CommitPositions.class.getName());
    private static final Object WROTE = new Object();

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ReadYourWrites readYourWrites;

    private volatile DataSource primary;

    /** Called on every write path entry; cheap after the first call in a transaction. */
    void writing() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE || transactions.getResource(WROTE) != null) {
            return;
        }
        transactions.putResource(WROTE, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new AfterCommit());
    }

    /** True when the current thread's JTA transaction has written through {@link EntityManagers#forWrite()}. */
    boolean currentTransactionWrote() {
        int status = transactions.getTransactionStatus();
        return status != Status.STATUS_NO_TRANSACTION && transactions.getResource(WROTE) != null;
    }

    /** True when a JTA transaction is associated with this thread (it may hold a primary connection). */
    boolean transactionRunning() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /**
     * The primary's WAL insert position now, or {@link Lsn#NONE} when it cannot be read (the pool timed out or the
     * primary is gone): the caller then keeps its reads on the primary. Call only with no transaction running.
     */
    long currentPosition() {
        try {
            return insertPosition();
        } catch (SQLException | NamingException | RuntimeException e) {
            LOG.log(Level.WARNING, "commit position unavailable, this request's reads stay on the primary: " + e);
            return Lsn.NONE;
        }
    }

    private final class AfterCommit implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            try {
                readYourWrites.committed();
            } catch (ContextNotActiveException e) {
                // no request (a timer, a message): nobody to hand the position to
            }
        }
    }

    private long insertPosition() throws SQLException, NamingException {
        DataSource ds = primary;
        if (ds == null) {
            primary = ds = InitialContext.doLookup(Route.PRIMARY.jndiName());
        }
        // No transaction is running: the pool hands out a plain auto-commit connection, not enlisted.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }
}
