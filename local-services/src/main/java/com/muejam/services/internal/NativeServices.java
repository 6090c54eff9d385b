package com.muejam.services.internal;

import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.RedisNode;
import com.muejam.services.ServiceNode;
import com.muejam.services.ServiceNode.State;
import com.muejam.services.ServicesConfig;
import com.muejam.services.ServicesException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Native processes: PostgreSQL from zonky's Linux bundle, Redis from org.signal:embedded-redis. Everything
 * another JVM needs to find them is in {@value #STATE_FILE} and the data directories under the state directory.
 */
public final class NativeServices implements LocalServices {

    static final String STATE_FILE = "local-services.properties";
    private static final System.Logger LOG = System.getLogger(NativeServices.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final ServicesConfig config;
    private final Path pgHome;
    private final Path redisExe;
    private final PostgresNode primary;
    private final List<PostgresNode> replicas;
    private final RedisServer redis;

    private NativeServices(ServicesConfig config, Path pgHome, Path redisExe) {
        this.config = config;
        this.pgHome = pgHome;
        this.redisExe = redisExe;
        this.primary = new PostgresNode(this, "primary", config.primaryPort(), false);
        List<PostgresNode> r = new ArrayList<>();
        for (int i = 0; i < config.replicaCount(); i++) {
            r.add(new PostgresNode(this, "replica" + (i + 1), config.replicaPorts().get(i), true));
        }
        this.replicas = Collections.unmodifiableList(r);
        this.redis = new RedisServer(this, config.redisPort());
    }

    // ---------------------------------------------------------------- up / attach

    public static NativeServices up(ServicesConfig config) {
        long t0 = System.nanoTime();
        NativeServices s;
        try (StateLock l = StateLock.acquire(config.stateDir())) {
            Optional<NativeServices> previous = load(config.stateDir());
            previous.ifPresent(p -> p.checkCompatible(config));
            s = new NativeServices(config, Binaries.postgresHome(), Binaries.redisServer());
            s.writeState(previous.map(p -> p.state.getProperty("primary.systemIdentifier")).orElse(null));
            s.redis.startProcess();
            s.ensurePrimary();
            previous.ifPresent(s::removeReplicasBeyond);
            for (PostgresNode r : s.replicas) {
                s.ensureReplica(r);
            }
            s.redis.awaitReady(READY_TIMEOUT);
        }
        LOG.log(Level.INFO, "local services up in {0} ms: {1}", String.valueOf((System.nanoTime() - t0) / 1_000_000), s.summary());
        return s;
    }

    public static NativeServices attach(Path stateDir) {
        Path dir = stateDir.toAbsolutePath().normalize();
        return load(dir).orElseThrow(() -> new ServicesException("no local services state in " + dir
                + " (" + STATE_FILE + " missing): start them with LocalServices.up or the CLI's up"));
    }

    /** Services described by the state file, or empty if there is none. */
    static Optional<NativeServices> load(Path stateDir) {
        Optional<String> text = Files2.read(stateDir.resolve(STATE_FILE));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServicesConfig cfg = ServicesConfig.builder().stateDir(stateDir)
                .primaryPort(Integer.parseInt(p.getProperty("primary.port")))
                .replicaPorts(ServicesConfig.parsePorts(p.getProperty("replica.ports", "")))
                .redisPort(Integer.parseInt(p.getProperty("redis.port")))
                .database(p.getProperty("database")).user(p.getProperty("user"))
                .password(p.getProperty("password")).build();
        NativeServices s = new NativeServices(cfg, Path.of(p.getProperty("postgres.home")),
                Path.of(p.getProperty("redis.executable")));
        s.state.putAll(p);
        return Optional.of(s);
    }

    private final Properties state = new Properties();

    private void writeState(String systemIdentifier) {
        state.setProperty("primary.port", Integer.toString(config.primaryPort()));
        state.setProperty("replica.ports", String.join(",", config.replicaPorts().stream().map(String::valueOf).toList()));
        state.setProperty("redis.port", Integer.toString(config.redisPort()));
        state.setProperty("database", config.database());
        state.setProperty("user", config.user());
        state.setProperty("password", config.password());
        state.setProperty("postgres.home", pgHome.toString());
        state.setProperty("redis.executable", redisExe.toString());
        if (systemIdentifier != null) {
            state.setProperty("primary.systemIdentifier", systemIdentifier);
        } else {
            state.remove("primary.systemIdentifier");
        }
        StringWriter w = new StringWriter();
        try {
            state.store(w, "local-services state: read by attach/status/down from any JVM; pids are in the data dirs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Files2.writeAtomically(config.stateDir().resolve(STATE_FILE), w.toString());
    }

    /** A running server keeps its port: moving it would strand clients of the other JVMs. */
    private void checkCompatible(ServicesConfig wanted) {
        List<String> clashes = new ArrayList<>();
        if (primary.isRunning() && primary.port() != wanted.primaryPort()) {
            clashes.add("primary runs on " + primary.port() + ", asked " + wanted.primaryPort());
        }
        for (int i = 0; i < Math.min(replicas.size(), wanted.replicaCount()); i++) {
            PostgresNode r = replicas.get(i);
            if (r.isRunning() && r.port() != wanted.replicaPorts().get(i)) {
                clashes.add(r.name() + " runs on " + r.port() + ", asked " + wanted.replicaPorts().get(i));
            }
        }
        if (redis.isRunning() && redis.port() != wanted.redisPort()) {
            clashes.add("redis runs on " + redis.port() + ", asked " + wanted.redisPort());
        }
        if (!config.database().equals(wanted.database()) || !config.user().equals(wanted.user())) {
            // harmless: the new role and database are created next to the old ones
            LOG.log(Level.INFO, "database/user changed from {0}/{1} to {2}/{3}", config.database(), config.user(),
                    wanted.database(), wanted.user());
        }
        if (!clashes.isEmpty()) {
            throw new ServicesException("services in " + config.stateDir() + " run with other ports ("
                    + String.join("; ", clashes) + "): call down() first or use another state directory");
        }
    }

    // ---------------------------------------------------------------- primary

    private void ensurePrimary() {
        String sysid = state.getProperty("primary.systemIdentifier");
        if (!primary.hasData()) {
            initPrimary();
            sysid = null;
        }
        primary.startProcess();
        primary.awaitReady(READY_TIMEOUT);
        try (Connection c = Sql.admin(primary.port(), 10)) {
            String actual = Sql.one(c, "select system_identifier from pg_control_system()");
            if (!actual.equals(sysid)) {
                writeState(actual);
            }
            bootstrap(c);
        } catch (SQLException e) {
            throw new ServicesException("could not prepare the primary: " + e.getMessage(), e);
        }
    }

    private void initPrimary() {
        LOG.log(Level.INFO, "initdb {0}", primary.dataDir());
        Files2.deleteTree(primary.home());
        try {
            Files.createDirectories(primary.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path tmp = primary.home().resolve("data.initdb");
        Proc.Result r = Proc.run(Proc.unprivileged(List.of(pgHome.resolve("bin/initdb").toString(),
                "-D", tmp.toString(), "-U", Sql.ADMIN_USER, "-A", "trust", "-E", "UTF-8", "--no-locale",
                "--no-sync")), Duration.ofMinutes(3));
        if (r.exitCode() != 0) {
            throw new ServicesException("initdb failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        // all settings live in the include, which every start rewrites: a changed setting needs no new initdb
        String conf = "\n# local-services settings (rewritten on every start)\ninclude_if_exists = '"
                + PostgresNode.NODE_CONF + "'\n";
        try {
            Files.writeString(tmp.resolve("postgresql.conf"), conf, java.nio.file.StandardOpenOption.APPEND);
            // initdb -A trust already trusts local and 127.0.0.1 for databases and replication; say why here
            Files.writeString(tmp.resolve("pg_hba.conf"), "\n# local-services: throwaway clusters on 127.0.0.1,"
                    + " trust auth for loopback only (listen_addresses = 127.0.0.1)\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.move(tmp, primary.dataDir(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Application role and database; idempotent, so a changed name in the config just adds them. */
    private void bootstrap(Connection admin) throws SQLException {
        String user = config.user();
        if (Sql.one(admin, "select 1 from pg_roles where rolname = ?", user) == null) {
            // superuser: tests pause replay on the replica, read WAL positions and may create extensions
            Sql.exec(admin, "create role " + user + " login superuser password '"
                    + config.password().replace("'", "''") + "'");
        }
        if (Sql.one(admin, "select 1 from pg_database where datname = ?", config.database()) == null) {
            Sql.exec(admin, "create database " + config.database() + " owner " + user);
        }
        if ("pg_stat_statements".equals(Sql.one(admin, "show shared_preload_libraries"))) {
            try (Connection db = Sql.connect("127.0.0.1", primary.port(), config.database(), Sql.ADMIN_USER, 10)) {
                Sql.exec(db, "create extension if not exists pg_stat_statements");
            }
        }
    }

    // ---------------------------------------------------------------- replicas

    private void ensureReplica(PostgresNode r) {
        String sysid = state.getProperty("primary.systemIdentifier");
        Path clonedFrom = r.home().resolve("cloned-from");
        boolean usable = r.hasData() && Files.exists(r.dataDir().resolve("standby.signal"))
                && Files2.read(clonedFrom).map(String::trim).orElse("").equals(sysid) && slotExists(r.name());
        if (usable) {
            try {
                r.startProcess();
                r.awaitReady(Duration.ofSeconds(60));
                return;
            } catch (ServicesException e) {
                LOG.log(Level.WARNING, "{0} does not stream, cloning it again: {1}", r.name(), e.getMessage());
            }
        }
        cloneReplica(r, sysid);
        r.startProcess();
        r.awaitReady(READY_TIMEOUT);
    }

    /**
     * Online clone without pg_basebackup (the bundle has none): reserve WAL with a physical slot, start a
     * non-exclusive backup, copy the data directory, and write the backup label the stop call returns.
     */
    private void cloneReplica(PostgresNode r, String sysid) {
        LOG.log(Level.INFO, "cloning {0} from the primary", r.name());
        r.kill();
        Files2.deleteTree(r.home());
        Path tmp = r.home().resolve("data.clone");
        try (Connection c = Sql.admin(primary.port(), 10)) {
            dropSlot(c, r.name());
            Sql.one(c, "select pg_create_physical_replication_slot(?, true)", r.name());
            Sql.one(c, "select pg_backup_start(?, true)", "local-services " + r.name());
            String label;
            try {
                copyDataDir(primary.dataDir(), tmp);
            } finally {
                label = Sql.one(c, "select labelfile from pg_backup_stop(false)");
            }
            Files.writeString(tmp.resolve("backup_label"), label);
            Files.writeString(tmp.resolve("standby.signal"), "");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
            Files.move(tmp, r.dataDir(), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(r.home().resolve("cloned-from"), sysid + "\n");
        } catch (SQLException e) {
            throw new ServicesException("could not clone " + r.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not clone " + r.name(), e);
        }
    }

    /** Files a running server rewrites or that belong to the source server only. */
    private static final Set<String> SKIP_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "standby.signal", "recovery.signal", PostgresNode.NODE_CONF);
    /** Directories copied empty: WAL comes from the slot, the rest is runtime scratch. */
    private static final Set<String> EMPTY_DIRS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private static void copyDataDir(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(dir);
                Files.createDirectories(to.resolve(rel.toString()));
                if (rel.getNameCount() == 1 && EMPTY_DIRS.contains(rel.toString())) {
                    if (rel.toString().equals("pg_wal")) {
                        Files.createDirectories(to.resolve("pg_wal/archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return dir.getFileName().toString().startsWith("pgsql_tmp")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(file);
                if (rel.getNameCount() == 1 && SKIP_FILES.contains(rel.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(rel.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException e) {
                    // removed while we copied (temp files, dropped relations): WAL replay sorts it out
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }
        });
    }

    private boolean slotExists(String slot) {
        try (Connection c = Sql.admin(primary.port(), 10)) {
            return Sql.one(c, "select 1 from pg_replication_slots where slot_name = ?", slot) != null;
        } catch (SQLException e) {
            throw new ServicesException("primary unreachable: " + e.getMessage(), e);
        }
    }

    private static void dropSlot(Connection c, String slot) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Sql.one(c, "select 1 from pg_replication_slots where slot_name = ?", slot) != null) {
            try {
                Sql.one(c, "select pg_drop_replication_slot(?)", slot);
            } catch (SQLException e) {
                // still active: its walsender has not noticed the replica is gone yet
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Proc.sleep(100);
            }
        }
    }

    /** Replicas a previous up made that this config no longer wants: stop them and release their WAL. */
    private void removeReplicasBeyond(NativeServices previous) {
        for (PostgresNode old : previous.replicas.subList(Math.min(config.replicaCount(), previous.replicas.size()),
                previous.replicas.size())) {
            LOG.log(Level.INFO, "removing {0}", old.name());
            old.stopProcess();
            try (Connection c = Sql.admin(primary.port(), 10)) {
                dropSlot(c, old.name());
            } catch (SQLException e) {
                throw new ServicesException("could not drop slot " + old.name() + ": " + e.getMessage(), e);
            }
            Files2.deleteTree(old.home());
        }
    }

    // ---------------------------------------------------------------- accessors

    @Override
    public ServicesConfig config() {
        return config;
    }

    Path pgHome() {
        return Files.isExecutable(pgHome.resolve("bin/pg_ctl")) ? pgHome : Binaries.postgresHome();
    }

    Path redisExe() {
        return Files.isExecutable(redisExe) ? redisExe : Binaries.redisServer();
    }

    PostgresNode primaryNode() {
        return primary;
    }

    @Override
    public PgNode primary() {
        return primary;
    }

    @Override
    public List<PgNode> replicas() {
        return List.copyOf(replicas);
    }

    @Override
    public PgNode replica(int index1Based) {
        if (index1Based < 1 || index1Based > replicas.size()) {
            throw new IllegalArgumentException("replica" + index1Based + " does not exist; there are "
                    + replicas.size() + " replicas");
        }
        return replicas.get(index1Based - 1);
    }

    @Override
    public RedisNode redis() {
        return redis;
    }

    @Override
    public ServiceNode node(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("primary")) {
            return primary;
        }
        if (n.equals("redis")) {
            return redis;
        }
        if (n.matches("replica[0-9]+")) {
            return replica(Integer.parseInt(n.substring("replica".length())));
        }
        throw new IllegalArgumentException("unknown service " + name + " (primary, replica1, replica2, redis)");
    }

    @Override
    public Map<String, String> environment() {
        return environment(config.host(), config, primary.port(), replicas.stream().map(PostgresNode::port).toList(),
                redis.port());
    }

    /** The application's variables; shared with the Testcontainers backend, whose ports are mapped ones. */
    public static Map<String, String> environment(String host, ServicesConfig cfg, int primaryPort,
                                                  List<Integer> replicaPorts, int redisPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", host);
        env.put("DB_PORT", Integer.toString(primaryPort));
        env.put("DB_NAME", cfg.database());
        env.put("DB_USER", cfg.user());
        env.put("DB_PASSWORD", cfg.password());
        env.put("USE_READ_REPLICA", Boolean.toString(!replicaPorts.isEmpty()));
        for (int i = 0; i < replicaPorts.size(); i++) {
            String suffix = i == 0 ? "" : "_" + (i + 1);
            env.put("DB_READ_HOST" + suffix, host);
            env.put("DB_READ_PORT" + suffix, Integer.toString(replicaPorts.get(i)));
        }
        env.put("VALKEY_URL", "redis://" + host + ":" + redisPort + "/0");
        return env;
    }

    // ---------------------------------------------------------------- status / down

    @Override
    public String status() {
        Map<String, String[]> repl = new LinkedHashMap<>();
        if (primary.state() == State.RUNNING) {
            try (Connection c = Sql.admin(primary.port(), 3)) {
                for (String[] row : Sql.rows(c, "select application_name, state,"
                        + " pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint,"
                        + " round((extract(epoch from replay_lag) * 1000)::numeric, 2) from pg_stat_replication")) {
                    repl.put(row[0], row);
                }
            } catch (SQLException e) {
                repl.put("?", new String[] {"?", "primary unreachable: " + e.getMessage(), null, null});
            }
        }
        StringBuilder b = new StringBuilder("state dir ").append(config.stateDir()).append('\n');
        line(b, primary, "data " + primary.dataDir());
        for (PostgresNode r : replicas) {
            String detail;
            String[] row = repl.get(r.name());
            if (primary.state() != State.RUNNING) {
                detail = "primary " + primary.state().name().toLowerCase(Locale.ROOT);
            } else if (row == null) {
                detail = "not connected to the primary";
            } else {
                detail = row[1] + ", " + (row[2] == null ? "?" : row[2]) + " bytes behind, replay lag "
                        + (row[3] == null ? "0" : row[3]) + " ms";
            }
            line(b, r, detail);
        }
        line(b, redis, redis.url());
        return b.toString();
    }

    private static void line(StringBuilder b, ServiceNode n, String detail) {
        long pid = n.pid();
        b.append(String.format(Locale.ROOT, "%-9s %s:%-5d pid %-7s %-8s %s%n", n.name(), n.host(), n.port(),
                pid > 0 ? Long.toString(pid) : "-", n.state().name().toLowerCase(Locale.ROOT), detail));
    }

    private String summary() {
        StringBuilder b = new StringBuilder("primary:" + primary.port());
        replicas.forEach(r -> b.append(' ').append(r.name()).append(':').append(r.port()));
        return b.append(" redis:").append(redis.port()).toString();
    }

    @Override
    public void down() {
        try (StateLock l = StateLock.acquire(config.stateDir())) {
            // replicas first: a primary's fast shutdown waits for connected standbys to take the final WAL
            for (PostgresNode r : replicas) {
                r.stopProcess();
            }
            primary.stopProcess();
            redis.stop();
        }
    }

    @Override
    public void close() {
        // nothing held: the services outlive this handle by design
    }

    @Override
    public String toString() {
        return "LocalServices[" + summary() + ", " + config.stateDir() + "]";
    }
}
