package com.muejam.tools;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;

/** Connections and scratch databases for the tools and their tests. */
public final class Databases {

    /**
     * Ports of the project-started schema services (primary, replica, Redis): 18432, 18433, 18379 unless the system
     * properties {@code muejam.schema.primaryPort}, {@code muejam.schema.replicaPort}, {@code muejam.schema.redisPort}
     * say otherwise (the ejb module's persistence tests read the same ones).
     */
    public static final int PRIMARY_PORT = Integer.getInteger("muejam.schema.primaryPort", 18432);
    public static final int REPLICA_PORT = Integer.getInteger("muejam.schema.replicaPort", 18433);
    public static final int REDIS_PORT = Integer.getInteger("muejam.schema.redisPort", 18379);

    private Databases() {
    }

    /** Where the schema services keep their state (system property {@code muejam.schema.stateDir}). */
    public static Path stateDir() {
        return Path.of(System.getProperty("muejam.schema.stateDir",
                System.getProperty("java.io.tmpdir") + "/muejam-schema-services"));
    }

    /** Starts (or attaches to) the project's PostgreSQL primary + one replica on the schema services' ports. */
    public static LocalServices projectServices() {
        return LocalServices.up(ServicesConfig.builder().stateDir(stateDir()).primaryPort(PRIMARY_PORT)
                .replicaPorts(REPLICA_PORT).redisPort(REDIS_PORT).build());
    }

    /** Whether the schema services are already running (started by another JVM or the CLI). */
    public static boolean projectServicesRunning() {
        try (LocalServices existing = LocalServices.attach(stateDir())) {
            return existing.primary().isRunning();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code node}'s JDBC URL with another database name. */
    public static String url(PgNode node, String database) {
        String url = node.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    /** Drops (forcing other sessions out) and creates {@code database} on the primary; returns its URL. */
    public static String recreate(PgNode primary, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection admin = DriverManager.getConnection(primary.jdbcUrl(), primary.user(), primary.password());
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database);
        }
        return url(primary, database);
    }

    public static Connection connect(PgNode node, String database) throws SQLException {
        return DriverManager.getConnection(url(node, database), node.user(), node.password());
    }

    /** VACUUM (visibility maps, so index-only scans are possible) and ANALYZE (planner statistics). */
    public static void vacuumAnalyze(Connection connection) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("VACUUM (ANALYZE)");
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /** A value from the environment or a default. */
    public static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
