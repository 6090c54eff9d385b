package com.muejam.services.internal;

import com.muejam.services.PgNode;
import com.muejam.services.ServicesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One PostgreSQL cluster driven through pg_ctl and signals. The postmaster is found through
 * {@code postmaster.pid} in its data directory, so any JVM can control a server another JVM started.
 */
final class PostgresNode implements PgNode {

    static final String NODE_CONF = "muejam-node.conf";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Throwaway local clusters: the settings every node shares (per-node ones are in muejam-node.conf). */
    private static final String SHARED_CONF = """
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200
            wal_level = replica
            max_wal_senders = 10
            max_replication_slots = 10
            hot_standby = on
            hot_standby_feedback = on
            # zonky's default is off, which lets WAL reach replicas only every wal_writer_delay (~200 ms)
            synchronous_commit = on
            # replicas report replay progress every second, so pg_stat_replication lag stays fresh
            wal_receiver_status_interval = 1s
            # a standby retries a lost primary after 0.5 s instead of 5 s, so it streams again soon after a restart
            wal_retrieve_retry_interval = 500ms
            """;

    private final NativeServices owner;
    private final String name;
    private final int port;
    private final boolean replica;
    private final Path home;

    PostgresNode(NativeServices owner, String name, int port, boolean replica) {
        this.owner = owner;
        this.name = name;
        this.port = port;
        this.replica = replica;
        this.home = owner.config().stateDir().resolve(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String host() {
        return owner.config().host();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String database() {
        return owner.config().database();
    }

    @Override
    public String user() {
        return owner.config().user();
    }

    @Override
    public String password() {
        return owner.config().password();
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database();
    }

    @Override
    public Path dataDir() {
        return home.resolve("data");
    }

    Path home() {
        return home;
    }

    Path logFile() {
        return home.resolve("postgres.log");
    }

    @Override
    public boolean isReplica() {
        return replica;
    }

    boolean hasData() {
        return Files.isRegularFile(dataDir().resolve("PG_VERSION"));
    }

    /** The pid recorded in postmaster.pid, alive or not; -1 without one. */
    private long recordedPid() {
        return Files2.read(dataDir().resolve("postmaster.pid"))
                .map(s -> s.lines().findFirst().orElse("").trim())
                .filter(s -> s.matches("\\d+")).map(Long::parseLong).orElse(-1L);
    }

    /**
     * A killed postmaster whose zombie PID 1 has not reaped still "exists" for postgres's own lock-file check,
     * which would then refuse to start; its lock file is stale, so remove it.
     */
    private void removeLockOfZombie() {
        long recorded = recordedPid();
        if (recorded > 0 && Proc.isZombie(recorded)) {
            try {
                Files.deleteIfExists(dataDir().resolve("postmaster.pid"));
            } catch (java.io.IOException e) {
                throw new ServicesException("could not remove stale " + dataDir().resolve("postmaster.pid"), e);
            }
        }
    }

    @Override
    public long pid() {
        long pid = recordedPid();
        if (pid <= 0 || Proc.state(pid) == State.STOPPED) {
            return -1;
        }
        // the pid may have been reused by another process since this server died
        String cmd = Proc.cmdline(pid);
        return cmd.contains("postgres") && cmd.contains(dataDir().toString()) ? pid : -1;
    }

    @Override
    public State state() {
        return Proc.state(pid());
    }

    @Override
    public void pause() {
        long pid = pid();
        if (pid > 0) {
            // the postmaster first, so it forks nothing new; its children each run in their own process group
            Proc.stopOrContinue(true, List.of(pid));
            Proc.stopOrContinue(true, Proc.children(pid));
        }
    }

    @Override
    public void resume() {
        long pid = pid();
        if (pid > 0) {
            Proc.stopOrContinue(false, Proc.children(pid));
            Proc.stopOrContinue(false, List.of(pid));
        }
    }

    @Override
    public void kill() {
        long pid = pid();
        if (pid <= 0) {
            return;
        }
        List<Long> all = new ArrayList<>(Proc.children(pid));
        all.add(0, pid);
        Proc.signal("KILL", all);
        for (long p : all) {
            Proc.waitGone(p, Duration.ofSeconds(10));
        }
        removeLockOfZombie();
    }

    @Override
    public void stop() {
        try (StateLock l = StateLock.acquire(owner.config().stateDir())) {
            stopProcess();
        }
    }

    void stopProcess() {
        long pid = pid();
        if (pid <= 0) {
            return;
        }
        resume();
        Proc.signal("INT", pid); // fast shutdown
        if (!Proc.waitGone(pid, Duration.ofSeconds(60))) {
            Proc.signal("QUIT", pid); // immediate shutdown
            if (!Proc.waitGone(pid, Duration.ofSeconds(10))) {
                kill();
            }
        }
    }

    @Override
    public void start() {
        try (StateLock l = StateLock.acquire(owner.config().stateDir())) {
            startProcess();
        }
        awaitReady(START_TIMEOUT);
    }

    @Override
    public void restart() {
        stop();
        start();
    }

    /** Starts (or resumes) the postmaster; returns when pg_ctl saw it accept connections. */
    void startProcess() {
        if (pid() > 0) {
            resume(); // a paused server is "started" by letting it run again
            return;
        }
        if (!hasData()) {
            throw new ServicesException(name + " has no data directory at " + dataDir()
                    + "; run LocalServices.up (or the CLI's up) to create it");
        }
        if (!Proc.portFree(port)) {
            throw new ServicesException(name + ": port " + port + " on 127.0.0.1 is taken by another process");
        }
        removeLockOfZombie();
        writeNodeConf();
        List<String> cmd = List.of(owner.pgHome().resolve("bin/pg_ctl").toString(), "-D", dataDir().toString(),
                "-l", logFile().toString(), "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "-s", "start");
        Proc.Result r = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            r = Proc.run(Proc.unprivileged(cmd), START_TIMEOUT.plusSeconds(30));
            if (r.exitCode() == 0) {
                return;
            }
            // after a SIGKILL, dying processes may hold the old shared memory or lock file for a moment
            String tail = Files2.tail(logFile(), 5);
            if (!tail.contains("pre-existing shared memory block") && !tail.contains("already exists")) {
                break;
            }
            Proc.sleep(300L * attempt);
            removeLockOfZombie();
        }
        throw new ServicesException(name + " did not start (pg_ctl exit " + r.exitCode() + "): " + r.output().trim()
                + "\n--- " + logFile() + " ---\n" + Files2.tail(logFile(), 15));
    }

    /** All local-services settings: the shared ones, then this node's port, name and upstream. */
    private void writeNodeConf() {
        StringBuilder c = new StringBuilder("# written by local-services on every start\n").append(SHARED_CONF);
        if (Files.exists(owner.pgHome().resolve("lib/postgresql/pg_stat_statements.so"))) {
            c.append("shared_preload_libraries = 'pg_stat_statements'\n");
        }
        c.append("port = ").append(port).append('\n');
        c.append("cluster_name = '").append(name).append("'\n");
        if (replica) {
            c.append("primary_conninfo = 'host=127.0.0.1 port=").append(owner.config().primaryPort())
                    .append(" user=").append(Sql.ADMIN_USER).append(" application_name=").append(name).append("'\n");
            c.append("primary_slot_name = '").append(name).append("'\n");
        }
        Files2.writeAtomically(dataDir().resolve(NODE_CONF), c.toString());
    }

    /**
     * Waits until the server answers as what it should be: the primary out of recovery; a replica in recovery
     * and, while the primary runs, streaming from it.
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not checked";
        while (true) {
            last = readiness();
            if (last == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ServicesException(name + " on port " + port + " not ready after " + timeout.toSeconds()
                        + " s: " + last + "\n--- " + logFile() + " ---\n" + Files2.tail(logFile(), 15));
            }
            Proc.sleep(20);
        }
    }

    /** Null when ready, else why not. */
    String readiness() {
        State s = state();
        if (s != State.RUNNING) {
            return "process " + s.name().toLowerCase();
        }
        try (Connection c = Sql.admin(port, 5)) {
            boolean inRecovery = "t".equals(Sql.one(c, "select pg_is_in_recovery()"));
            if (inRecovery != replica) {
                return replica ? "not in recovery" : "still in recovery";
            }
        } catch (SQLException e) {
            return e.getMessage();
        }
        if (!replica) {
            return null;
        }
        PostgresNode primary = owner.primaryNode();
        if (primary.state() != State.RUNNING) {
            return null; // a standby without its primary is as ready as it can be
        }
        try (Connection c = Sql.admin(primary.port(), 5)) {
            String st = Sql.one(c, "select state from pg_stat_replication where application_name = ?", name);
            return "streaming".equals(st) ? null : "replication state on the primary: " + st;
        } catch (SQLException e) {
            return "primary: " + e.getMessage();
        }
    }

    @Override
    public String toString() {
        return name + "@" + host() + ":" + port;
    }
}
