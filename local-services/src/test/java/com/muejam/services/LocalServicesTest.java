package com.muejam.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.muejam.services.ServiceNode.State;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real processes on this module's own ports (17432 primary, 17433/17434 replicas, 17379 Redis). The methods
 * share one set of services and run in order; the last one shuts everything down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalServicesTest {

    static final Path STATE_DIR = Path.of(System.getProperty("muejam.services.test.stateDir", "target/services-test"));
    static final ServicesConfig ONE_REPLICA = ServicesConfig.builder().stateDir(STATE_DIR)
            .primaryPort(17432).replicaPorts(17433).redisPort(17379).build();
    static final ServicesConfig TWO_REPLICAS = ONE_REPLICA.toBuilder().replicaPorts(17433, 17434).build();

    static LocalServices services;

    @BeforeAll
    static void up() {
        long t0 = System.nanoTime();
        services = LocalServices.up(ONE_REPLICA);
        System.out.printf("[figure] first up in this run: %d ms%n", ms(t0));
    }

    @AfterAll
    static void down() {
        if (services != null) {
            services.down();
        }
    }

    @Test
    @Order(1)
    void upIsIdempotentAndKeepsTheSameProcesses() {
        long primaryPid = services.primary().pid();
        long replicaPid = services.replica(1).pid();
        long redisPid = services.redis().pid();
        long t0 = System.nanoTime();
        try (LocalServices again = LocalServices.up(ONE_REPLICA)) {
            System.out.printf("[figure] up when already running: %d ms%n", ms(t0));
            assertThat(again.primary().pid()).isEqualTo(primaryPid).isPositive();
            assertThat(again.replica(1).pid()).isEqualTo(replicaPid).isPositive();
            assertThat(again.redis().pid()).isEqualTo(redisPid).isPositive();
        }
    }

    @Test
    @Order(2)
    void primaryServesWritesAndTheReplicaIsAHotStandby() throws SQLException {
        try (Connection p = connect(services.primary()); Connection r = connect(services.replica(1))) {
            assertThat(query(p, "select pg_is_in_recovery()")).isEqualTo("f");
            assertThat(query(r, "select pg_is_in_recovery()")).isEqualTo("t");
            assertThat(query(p, "select current_user || '@' || current_database()")).isEqualTo("muejam@muejam");
            // what the routing tests need from the application role
            assertThat(query(p, "select pg_current_wal_lsn()")).matches("[0-9A-F]+/[0-9A-F]+");
            exec(r, "select pg_wal_replay_pause()");
            assertThat(query(r, "select pg_is_wal_replay_paused()")).isEqualTo("t");
            exec(r, "select pg_wal_replay_resume()");
            assertThat(query(p, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(p, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(p, "select count(*) from pg_extension where extname = 'pg_stat_statements'"))
                    .isEqualTo("1");
            assertThatThrownBy(() -> exec(r, "create table t_on_replica(id int)"))
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    @Order(3)
    void aRowWrittenOnThePrimaryShowsOnTheReplicaWithinMilliseconds() throws SQLException {
        try (Connection p = connect(services.primary()); Connection r = connect(services.replica(1))) {
            exec(p, "create table if not exists lag_probe(id bigint primary key, at timestamptz default now())");
            exec(p, "truncate lag_probe");
            // the DDL itself must have replayed before the probe polls for rows, or the first poll
            // fails with "relation does not exist" instead of measuring row lag
            String ddlLsn = query(p, "select pg_current_wal_lsn()");
            long waitStart = System.nanoTime();
            while (!"t".equals(query(r, "select pg_last_wal_replay_lsn() >= '" + ddlLsn + "'::pg_lsn"))) {
                assertThat(System.nanoTime() - waitStart).as("DDL replay").isLessThan(TimeUnit.SECONDS.toNanos(5));
            }
            List<Double> lags = new ArrayList<>();
            List<Double> inOrder = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                exec(p, "insert into lag_probe(id) values (" + i + ")");
                long t0 = System.nanoTime();
                while (!"t".equals(query(r, "select exists(select 1 from lag_probe where id = " + i + ")"))) {
                    assertThat(System.nanoTime() - t0).as("replica lag").isLessThan(TimeUnit.SECONDS.toNanos(5));
                }
                lags.add((System.nanoTime() - t0) / 1e6);
                inOrder.add(lags.get(lags.size() - 1));
            }
            System.out.println("[figure] lags in order (ms): " + inOrder.stream()
                    .map(d -> String.format(java.util.Locale.ROOT, "%.1f", d)).toList());
            Collections.sort(lags);
            System.out.printf("[figure] replica lag at rest over 50 commits: p50 %.2f ms, p90 %.2f ms, max %.2f ms%n",
                    lags.get(24), lags.get(44), lags.get(49));
            assertThat(lags.get(49)).as("max lag in ms").isLessThan(1000.0);
        }
    }

    @Test
    @Order(4)
    void aPausedReplicaHangsAndServesAgainAfterResume() throws SQLException {
        PgNode replica = services.replica(1);
        replica.pause();
        try {
            assertThat(replica.state()).isEqualTo(State.PAUSED);
            assertThat(replica.isRunning()).isTrue();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> {
                try (Connection c = connect(replica, 1)) {
                    query(c, "select 1");
                }
            }).isInstanceOf(SQLException.class);
            assertThat(ms(t0)).as("failed by timeout, not refusal").isGreaterThanOrEqualTo(900);
            assertThat(services.status()).containsPattern("replica1 .* paused");
        } finally {
            replica.resume();
        }
        assertThat(replica.state()).isEqualTo(State.RUNNING);
        try (Connection c = connect(replica)) {
            assertThat(query(c, "select 1")).isEqualTo("1");
        }
    }

    @Test
    @Order(5)
    void aKilledReplicaStartsOnItsDataAndCatchesUpThroughItsSlot() throws SQLException {
        PgNode replica = services.replica(1);
        long before = replica.pid();
        replica.kill();
        assertThat(replica.state()).isEqualTo(State.STOPPED);
        assertThat(replica.pid()).isEqualTo(-1);
        try (Connection p = connect(services.primary())) {
            // the data directories survive between runs (that is the point): start this table afresh
            exec(p, "drop table if exists catch_up");
            exec(p, "create table catch_up(id int)");
            exec(p, "insert into catch_up select generate_series(1, 1000)");
            // the slot keeps the WAL the stopped replica still needs
            assertThat(query(p, "select active from pg_replication_slots where slot_name = 'replica1'")).isEqualTo("f");
        }
        long t0 = System.nanoTime();
        replica.start();
        System.out.printf("[figure] replica start after SIGKILL until streaming: %d ms%n", ms(t0));
        assertThat(replica.pid()).isPositive().isNotEqualTo(before);
        try (Connection r = connect(replica)) {
            assertThat(query(r, "select count(*) from catch_up")).isEqualTo("1000");
        }
        assertThat(services.status()).containsPattern("replica1 .* running +streaming");
    }

    @Test
    @Order(6)
    void aKilledPrimaryRestartsAndTheReplicaFollowsAgain() throws SQLException {
        services.primary().kill();
        assertThat(services.primary().state()).isEqualTo(State.STOPPED);
        services.primary().start();
        try (Connection p = connect(services.primary())) {
            exec(p, "insert into catch_up values (-1)");
        }
        long t0 = System.nanoTime();
        try (LocalServices s = LocalServices.up(ONE_REPLICA)) { // waits until the replica streams again
            System.out.printf("[figure] replica streaming again after primary crash restart: %d ms%n", ms(t0));
            try (Connection r = connect(s.replica(1))) {
                assertThat(query(r, "select count(*) from catch_up where id = -1")).isEqualTo("1");
            }
        }
    }

    @Test
    @Order(7)
    void aSecondReplicaOnRequestAndBackToOne() throws Exception {
        long t0 = System.nanoTime();
        try (LocalServices two = LocalServices.up(TWO_REPLICAS)) {
            System.out.printf("[figure] adding a second replica (clone + stream): %d ms%n", ms(t0));
            assertThat(two.replicas()).hasSize(2);
            assertThat(two.environment()).containsEntry("DB_READ_PORT_2", "17434").containsEntry("DB_READ_HOST_2", "127.0.0.1");
            try (Connection p = connect(two.primary()); Connection r2 = connect(two.replica(2))) {
                assertThat(query(r2, "select pg_is_in_recovery()")).isEqualTo("t");
                exec(p, "insert into catch_up values (-2)");
                long w = System.nanoTime();
                while (!"1".equals(query(r2, "select count(*) from catch_up where id = -2"))) {
                    assertThat(ms(w)).isLessThan(5000);
                }
            }
            assertThat(LocalServices.attach(STATE_DIR).replicas()).hasSize(2);
        }
        Path replica2Home = STATE_DIR.resolve("replica2");
        try (LocalServices one = LocalServices.up(ONE_REPLICA); Connection p = connect(one.primary())) {
            assertThat(one.replicas()).hasSize(1);
            assertThat(one.environment()).doesNotContainKey("DB_READ_PORT_2");
            assertThat(query(p, "select count(*) from pg_replication_slots where slot_name = 'replica2'")).isEqualTo("0");
            assertThat(replica2Home).doesNotExist();
        }
    }

    @Test
    @Order(8)
    void upRecreatesAReplicaWhoseDataDirectoryWasLost() throws SQLException {
        PgNode replica = services.replica(1);
        replica.stop();
        deleteTree(replica.dataDir());
        try (LocalServices s = LocalServices.up(ONE_REPLICA); Connection r = connect(s.replica(1))) {
            assertThat(query(r, "select pg_is_in_recovery()")).isEqualTo("t");
            assertThat(query(r, "select count(*) from catch_up where id > 0")).isEqualTo("1000");
        }
    }

    @Test
    @Order(9)
    void redisAnswersLosesDataOnKillAndStartsAgain() throws IOException {
        RedisNode redis = services.redis();
        assertThat(redis.url()).isEqualTo("redis://127.0.0.1:17379/0");
        assertThat(RedisClient.command(redis.port(), 2000, "PING")).isEqualTo("+PONG");
        assertThat(RedisClient.command(redis.port(), 2000, "SET", "k", "v")).isEqualTo("+OK");
        assertThat(RedisClient.command(redis.port(), 2000, "CONFIG", "GET", "appendonly")).isNotNull();

        redis.pause();
        try {
            assertThat(redis.state()).isEqualTo(State.PAUSED);
            assertThatThrownBy(() -> RedisClient.command(redis.port(), 500, "PING")).isInstanceOf(IOException.class);
        } finally {
            redis.resume();
        }
        assertThat(redis.state()).isEqualTo(State.RUNNING);
        assertThat(RedisClient.command(redis.port(), 2000, "GET", "k")).isEqualTo("v");

        redis.kill();
        assertThat(redis.state()).isEqualTo(State.STOPPED);
        assertThatThrownBy(() -> RedisClient.command(redis.port(), 500, "PING")).isInstanceOf(IOException.class);
        redis.start();
        assertThat(RedisClient.command(redis.port(), 2000, "PING")).isEqualTo("+PONG");
        // save "" and appendonly no: nothing survives a restart, and nothing is written to disk
        assertThat(RedisClient.command(redis.port(), 2000, "GET", "k")).isNull();
        assertThat(STATE_DIR.resolve("redis/dump.rdb")).doesNotExist();
    }

    @Test
    @Order(10)
    void anotherJvmSeesTheSameServicesThroughTheStateDirectory() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "status", "--state-dir", STATE_DIR.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.print(out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("primary   127.0.0.1:17432 pid " + services.primary().pid())
                .containsPattern("replica1 +127.0.0.1:17433 pid " + services.replica(1).pid() + " +running +streaming")
                .contains("redis     127.0.0.1:17379 pid " + services.redis().pid());
    }

    @Test
    @Order(11)
    void cliEnvPrintsTheApplicationsVariables() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"env", "--state-dir", STATE_DIR.toString()},
                new PrintStream(buf, true, StandardCharsets.UTF_8), System.err);
        assertThat(rc).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "export DB_HOST='127.0.0.1'", "export DB_PORT='17432'", "export DB_NAME='muejam'",
                "export DB_USER='muejam'", "export DB_PASSWORD='muejam'", "export USE_READ_REPLICA='true'",
                "export DB_READ_HOST='127.0.0.1'", "export DB_READ_PORT='17433'",
                "export VALKEY_URL='redis://127.0.0.1:17379/0'", ""));
    }

    @Test
    @Order(12)
    void downStopsEverythingAndIsIdempotent() {
        List<Long> pids = List.of(services.primary().pid(), services.replica(1).pid(), services.redis().pid());
        long t0 = System.nanoTime();
        services.down();
        System.out.printf("[figure] down: %d ms%n", ms(t0));
        services.down();
        for (long pid : pids) {
            assertThat(alive(pid)).as("pid " + pid).isFalse();
        }
        String status = LocalServices.attach(STATE_DIR).status();
        assertThat(status).containsPattern("primary .* stopped").containsPattern("replica1 .* stopped")
                .containsPattern("redis .* stopped");
        // a warm start from the kept data directories, for the figure
        long t1 = System.nanoTime();
        try (LocalServices s = LocalServices.up(ONE_REPLICA)) {
            System.out.printf("[figure] warm up after down: %d ms%n", ms(t1));
            assertThat(s.replica(1).state()).isEqualTo(State.RUNNING);
        }
        services.down();
        assertThat(services.primary().state()).isEqualTo(State.STOPPED);
    }

    // ------------------------------------------------------------------ helpers

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Running or stopped, but not a zombie waiting for PID 1 to reap it (ProcessHandle counts those as alive). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    static Connection connect(PgNode node) throws SQLException {
        return connect(node, 5);
    }

    static Connection connect(PgNode node, int timeoutSeconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", node.user());
        p.setProperty("password", node.password());
        p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
        return DriverManager.getConnection(node.jdbcUrl(), p);
    }

    static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
