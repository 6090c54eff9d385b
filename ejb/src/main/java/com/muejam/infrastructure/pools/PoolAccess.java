package com.muejam.infrastructure.pools;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Server-neutral access to a container-managed pool beyond its statistics. On WildFly (Agroal) a monitor
 * gets its own physical connection, so it neither waits behind application work for a pooled one nor takes
 * one from the application, and its timeouts are its own; elsewhere it falls back to the pool.
 */
public final class PoolAccess {

    private static final Logger LOG = Logger.getLogger(PoolAccess.class.getName());
    private static final boolean AGROAL = AgroalPoolStatistics.available();

    private PoolAccess() {
    }

    /**
     * A connection to the database behind the pool bound at {@code jndiName}, outside the pool where the server
     * allows it. {@code overrides} are driver connection properties (e.g. PostgreSQL's {@code connectTimeout},
     * {@code socketTimeout}, {@code ApplicationName}); they apply only to unpooled connections.
     */
    public static Connection openDirect(String jndiName, Properties overrides) throws SQLException {
        Object bound = lookup(jndiName);
        if (AGROAL && AgroalPools.isAgroal(bound)) {
            Connection direct = AgroalPools.open(bound, overrides);
            if (direct != null) {
                return direct;
            }
        }
        if (bound instanceof DataSource ds) {
            return ds.getConnection();
        }
        throw new SQLException("no data source bound at " + jndiName);
    }

    /**
     * Closes all connections of the pool, including those in use: used when its server is known to be down or
     * hung, so that callers blocked on a dead socket fail (and are retried elsewhere) instead of hanging, and the
     * pool starts afresh when the server is back. A no-op where the server offers no such operation.
     */
    public static void evictAll(String jndiName) {
        try {
            Object bound = lookup(jndiName);
            if (AGROAL && AgroalPools.isAgroal(bound)) {
                AgroalPools.evictAll(bound);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "could not flush " + jndiName, e);
        }
    }

    private static Object lookup(String jndiName) throws SQLException {
        try {
            return InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            throw new SQLException("no data source bound at " + jndiName, e);
        }
    }
}
