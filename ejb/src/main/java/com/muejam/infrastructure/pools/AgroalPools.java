package com.muejam.infrastructure.pools;

import java.security.Principal;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.AgroalSecurityProvider;

/**
 * WildFly adapter for what the monitors do to a pool besides reading it: open a connection to the pool's
 * database without going through the pool (same driver, URL, credentials and connection properties, read
 * live from the pool's configuration), and evict the pool's connections. Only loaded when Agroal is visible
 * ({@link AgroalPoolStatistics#available()}).
 */
final class AgroalPools {

    private static final Map<Class<?>, Driver> DRIVERS = new ConcurrentHashMap<>();

    private AgroalPools() {
    }

    static boolean isAgroal(Object bound) {
        return bound instanceof AgroalDataSource;
    }

    /** A new physical connection, or {@code null} when the pool is not driver-based (then use the pool). */
    static Connection open(Object bound, Properties overrides) throws SQLException {
        AgroalConnectionFactoryConfiguration f = ((AgroalDataSource) bound).getConfiguration()
                .connectionPoolConfiguration().connectionFactoryConfiguration();
        Class<?> provider = f.connectionProviderClass();
        if (provider == null || !Driver.class.isAssignableFrom(provider)) {
            return null;
        }
        Driver driver = DRIVERS.computeIfAbsent(provider, AgroalPools::newDriver);
        Properties p = new Properties();
        p.putAll(f.jdbcProperties());
        List<Object> security = new ArrayList<>();
        security.add(f.principal());
        security.addAll(f.credentials());
        for (Object o : security) {
            p.putAll(securityProperties(f, o));
        }
        p.putAll(overrides);
        Connection c = driver.connect(f.jdbcUrl(), p);
        if (c == null) {
            throw new SQLException("driver " + provider.getName() + " does not accept " + f.jdbcUrl());
        }
        return c;
    }

    /** Closes every connection of the pool, in use or not (Agroal {@code FlushMode.ALL}); it refills to min-size. */
    static void evictAll(Object bound) {
        ((AgroalDataSource) bound).flush(AgroalDataSource.FlushMode.ALL);
    }

    private static Properties securityProperties(AgroalConnectionFactoryConfiguration f, Object o) {
        if (o == null) {
            return new Properties();
        }
        for (AgroalSecurityProvider provider : f.securityProviders()) {
            Properties p = provider.getSecurityProperties(o);
            if (p != null) {
                return p;
            }
        }
        Properties p = new Properties();
        if (o instanceof Principal principal) {
            p.setProperty("user", principal.getName());
        }
        return p;
    }

    private static Driver newDriver(Class<?> type) {
        try {
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate JDBC driver " + type.getName(), e);
        }
    }
}
