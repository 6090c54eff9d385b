package com.muejam.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the project-started services keep their state and which loopback ports they listen on.
 *
 * <p>Ports are the caller's choice: each user of this module (tests of one module, the run command, the
 * integration tests) picks its own so that several sets can run side by side. The defaults are the run
 * command's ports.
 *
 * @param stateDir     directory holding data directories, logs and the state file (normally under {@code target/})
 * @param primaryPort  PostgreSQL primary port
 * @param replicaPorts one port per streaming replica (0, 1 or 2 of them)
 * @param redisPort    Redis port
 * @param database     application database, created on the primary
 * @param user         application role (a superuser of these throwaway local clusters)
 * @param password     the role's password; loopback connections use trust auth, so it is never checked
 */
public record ServicesConfig(Path stateDir, int primaryPort, List<Integer> replicaPorts, int redisPort,
                             String database, String user, String password) {

    public static final int DEFAULT_PRIMARY_PORT = 25432;
    public static final int DEFAULT_REPLICA_PORT = 25433;
    public static final int DEFAULT_REDIS_PORT = 26379;
    public static final String DEFAULT_NAME = "muejam";
    /** Highest number of replicas supported (slots, wal senders and the environment variables are sized for it). */
    public static final int MAX_REPLICAS = 2;

    public ServicesConfig {
        Objects.requireNonNull(stateDir, "stateDir is required");
        stateDir = stateDir.toAbsolutePath().normalize();
        replicaPorts = List.copyOf(replicaPorts);
        if (replicaPorts.size() > MAX_REPLICAS) {
            throw new IllegalArgumentException("at most " + MAX_REPLICAS + " replicas, got " + replicaPorts);
        }
        List<Integer> all = new ArrayList<>(replicaPorts);
        all.add(primaryPort);
        all.add(redisPort);
        for (int p : all) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port out of range: " + p);
            }
        }
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("ports must differ: " + all);
        }
        requireName(database, "database");
        requireName(user, "user");
        Objects.requireNonNull(password, "password");
    }

    private static void requireName(String value, String what) {
        // Used unquoted in SQL, so keep it to plain identifiers.
        if (value == null || !value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier: " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().stateDir(stateDir).primaryPort(primaryPort).replicaPorts(replicaPorts)
                .redisPort(redisPort).database(database).user(user).password(password);
    }

    /**
     * Reads overrides from system properties {@code <prefix>stateDir}, {@code primaryPort},
     * {@code replicaPorts} (comma separated), {@code redisPort}, {@code database}, {@code user},
     * {@code password}; anything not set comes from {@code defaults}.
     */
    public static ServicesConfig fromSystemProperties(String prefix, ServicesConfig defaults) {
        Builder b = defaults.toBuilder();
        String v;
        if ((v = System.getProperty(prefix + "stateDir")) != null) b.stateDir(Path.of(v));
        if ((v = System.getProperty(prefix + "primaryPort")) != null) b.primaryPort(Integer.parseInt(v.trim()));
        if ((v = System.getProperty(prefix + "replicaPorts")) != null) b.replicaPorts(parsePorts(v));
        if ((v = System.getProperty(prefix + "redisPort")) != null) b.redisPort(Integer.parseInt(v.trim()));
        if ((v = System.getProperty(prefix + "database")) != null) b.database(v);
        if ((v = System.getProperty(prefix + "user")) != null) b.user(v);
        if ((v = System.getProperty(prefix + "password")) != null) b.password(v);
        return b.build();
    }

    /** Same as {@link #fromSystemProperties(String, ServicesConfig)} with prefix {@code muejam.services.}. */
    public static ServicesConfig fromSystemProperties(ServicesConfig defaults) {
        return fromSystemProperties("muejam.services.", defaults);
    }

    /** Parses "25433" or "25433,25434" (empty string: no replicas). */
    public static int[] parsePorts(String csv) {
        String t = csv.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        return Arrays.stream(t.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int replicaCount() {
        return replicaPorts.size();
    }

    public static final class Builder {
        private Path stateDir;
        private int primaryPort = DEFAULT_PRIMARY_PORT;
        private List<Integer> replicaPorts = List.of(DEFAULT_REPLICA_PORT);
        private int redisPort = DEFAULT_REDIS_PORT;
        private String database = DEFAULT_NAME;
        private String user = DEFAULT_NAME;
        private String password = DEFAULT_NAME;

        private Builder() {
        }

        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        public Builder primaryPort(int port) {
            this.primaryPort = port;
            return this;
        }

        /** One port per replica; no argument means no replica. */
        public Builder replicaPorts(int... ports) {
            this.replicaPorts = Arrays.stream(ports).boxed().toList();
            return this;
        }

        public Builder replicaPorts(List<Integer> ports) {
            this.replicaPorts = List.copyOf(ports);
            return this;
        }

        public Builder redisPort(int port) {
            this.redisPort = port;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public ServicesConfig build() {
            return new ServicesConfig(stateDir, primaryPort, replicaPorts, redisPort, database, user, password);
        }
    }
}
