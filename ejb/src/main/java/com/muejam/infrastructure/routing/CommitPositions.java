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
 * synchronization; after a commit that synchronization reads {@code pg_current_wal_insert_lsn()} on a pooled
 * primary connection, outside the finished transaction, and hands it to the request's {@link ReadYourWrites}.
 * That position is at or after the commit record (an upper bound), so a replica that has replayed it shows the
 * commit. One extra round trip per writing transaction; none per read.
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
                long lsn = insertPosition();
                readYourWrites.committed(lsn);
            } catch (ContextNotActiveException e) {
                // no request (a timer, a message): nobody to hand the position to
            } catch (SQLException | NamingException | RuntimeException e) {
                LOG.log(Level.WARNING, "commit position unavailable, this request's reads stay on the primary: " + e);
                try {
                    readYourWrites.primaryOnly();
                } catch (ContextNotActiveException ignored) {
                    // no request
                }
            }
        }
    }

    private long insertPosition() throws SQLException, NamingException {
        DataSource ds = primary;
        if (ds == null) {
            primary = ds = InitialContext.doLookup(Route.PRIMARY.jndiName());
        }
        // The transaction has completed: the pool hands out a plain auto-commit connection, not enlisted.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }
}
