package com.muejam.infrastructure.pools;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;

/**
 * WildFly adapter: the object WildFly binds for a {@code datasources-agroal} data source is Agroal's pool
 * ({@code unwrap()} is not supported by it, a cast is). Configuration is read on every call, so a max-size
 * changed with jboss-cli or the console shows at once. Needs the {@code io.agroal} module as a deployment
 * dependency (jboss-deployment-structure.xml).
 */
final class AgroalPoolStatistics implements PoolStatistics {

    private static final Logger LOG = Logger.getLogger(AgroalPoolStatistics.class.getName());

    /** True when Agroal's API is visible to the application, i.e. on WildFly with the module dependency. */
    static boolean available() {
        try {
            Class.forName("io.agroal.api.AgroalDataSource", false, AgroalPoolStatistics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Optional<PoolSnapshot> read(String poolName, String jndiName) {
        Object bound;
        try {
            bound = InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            LOG.log(Level.FINE, "pool " + jndiName + " not bound", e);
            return Optional.empty();
        }
        if (!(bound instanceof AgroalDataSource pool)) {
            return Optional.empty();
        }
        AgroalDataSourceMetrics m = pool.getMetrics();
        AgroalConnectionPoolConfiguration c = pool.getConfiguration().connectionPoolConfiguration();
        return Optional.of(new PoolSnapshot(poolName, m.activeCount(), m.availableCount(), m.awaitingCount(),
                m.maxUsedCount(), m.leakDetectionCount(), m.blockingTimeAverage(), m.blockingTimeMax(),
                c.minSize(), c.maxSize()));
    }
}
