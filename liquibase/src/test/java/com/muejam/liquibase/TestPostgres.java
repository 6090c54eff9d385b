package com.muejam.liquibase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;

/**
 * The project-started PostgreSQL primary of the schema tests (port 18432, replica 18433, Redis 18379; the
 * {@code muejam.schema.primaryPort}, {@code replicaPort} and {@code redisPort} system properties move them), started
 * once per test JVM and stopped when it exits (unless it was already running). Each test gets its own database.
 */
final class TestPostgres {

    private static LocalServices services;

    private TestPostgres() {
    }

    static synchronized PgNode primary() {
        if (services == null) {
            Path stateDir = Path.of(System.getProperty("muejam.schema.stateDir",
                    System.getProperty("java.io.tmpdir") + "/muejam-schema-services"));
            boolean wasRunning = running(stateDir);
            services = LocalServices.up(ServicesConfig.builder().stateDir(stateDir)
                    .primaryPort(Integer.getInteger("muejam.schema.primaryPort", 18432))
                    .replicaPorts(Integer.getInteger("muejam.schema.replicaPort", 18433))
                    .redisPort(Integer.getInteger("muejam.schema.redisPort", 18379)).build());
            if (!wasRunning) { // stop what this JVM started; leave services someone else started running
                LocalServices started = services;
                Runtime.getRuntime().addShutdownHook(new Thread(started::down, "schema-services-down"));
            }
        }
        return services.primary();
    }

    private static boolean running(Path stateDir) {
        try (LocalServices existing = LocalServices.attach(stateDir)) {
            return existing.primary().isRunning();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Drops and creates database {@code name}; returns its JDBC URL. */
    static String freshDatabase(String name) {
        PgNode primary = primary();
        try (Connection admin = DriverManager.getConnection(primary.jdbcUrl(), primary.user(), primary.password());
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    static String url(String database) {
        String url = primary().jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    static Connection connect(String database) throws SQLException {
        PgNode primary = primary();
        return DriverManager.getConnection(url(database), primary.user(), primary.password());
    }
}
