package com.muejam.infrastructure.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;

/**
 * One long-lived monitoring connection to one server, reopened after any failure. Every round trip is bounded
 * by the network timeout, so a server that stopped answering (SIGSTOP, a dead host) costs one timeout, never a
 * hung monitor. Used by one thread at a time.
 */
final class CheckConnection implements AutoCloseable {

    /** Opens a new physical connection (bounded by the driver's connect/login timeouts). */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Reads the single row of a check query. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Opener opener;
    private final Executor timeoutExecutor;
    private Connection connection;

    CheckConnection(Opener opener, Executor timeoutExecutor) {
        this.opener = opener;
        this.timeoutExecutor = timeoutExecutor;
    }

    synchronized <T> T query(String sql, int timeoutMillis, RowReader<T> reader) throws SQLException {
        try {
            if (connection == null) {
                connection = opener.open();
                connection.setAutoCommit(true);
            }
            connection.setNetworkTimeout(timeoutExecutor, timeoutMillis);
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                if (!rs.next()) {
                    throw new SQLException("no row from " + sql);
                }
                return reader.read(rs);
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // the connection is being discarded after a failure
            }
            connection = null;
        }
    }
}
