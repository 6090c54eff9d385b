package com.muejam.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The project-started services: a PostgreSQL 15 primary, its streaming replicas and a Redis.
 *
 * <p>By default they are native processes from Maven Central binaries that outlive the JVM which started them:
 * their ports, data and pids live in {@link ServicesConfig#stateDir()}, so any JVM on the machine can
 * {@link #attach(Path)} to them. With {@code -Dmuejam.services=testcontainers} (or
 * {@code MUEJAM_SERVICES=testcontainers}) {@link #up(ServicesConfig)} starts Docker containers instead; those
 * live only as long as the JVM that started them.
 *
 * <p>{@link #close()} releases nothing but this handle: the services keep running until {@link #down()}.
 */
public interface LocalServices extends AutoCloseable {

    /** System property (and, upper-cased with '_', environment variable) selecting the backend. */
    String MODE_PROPERTY = Mode.PROPERTY;

    /**
     * Starts whatever is missing, attaches to what already runs (resuming paused servers), re-clones a missing
     * or broken replica, and returns once the primary serves, every replica is in recovery and streaming, and
     * Redis answers PING.
     * Idempotent; safe to call from several JVMs at once.
     */
    static LocalServices up(ServicesConfig config) {
        return (LocalServices) Mode.up(config);
    }

    /** Handle on services that {@link #up(ServicesConfig)} started earlier, maybe from another JVM. Starts nothing. */
    static LocalServices attach(Path stateDir) {
        return (LocalServices) Mode.attach(stateDir);
    }

    ServicesConfig config();

    PgNode primary();

    List<PgNode> replicas();

    /** Replica by 1-based index, as in {@code replica1}. */
    PgNode replica(int index1Based);

    RedisNode redis();

    /** Node by name: {@code primary}, {@code replica1}, {@code replica2} or {@code redis}. */
    ServiceNode node(String name);

    /**
     * The application's environment variables for these services: DB_HOST, DB_PORT, DB_NAME, DB_USER,
     * DB_PASSWORD, USE_READ_REPLICA, DB_READ_HOST, DB_READ_PORT, DB_READ_HOST_2/DB_READ_PORT_2 with a second
     * replica, VALKEY_URL. Insertion-ordered.
     */
    Map<String, String> environment();

    /** One line per service: name, address, pid, running/paused/stopped, and replica state and lag. */
    String status();

    /** Fast shutdown of everything; idempotent. Data directories are kept for the next {@code up}. */
    void down();

    /** Releases this handle only; the services keep running. */
    @Override
    void close();
}
