package com.muejam.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.ServicesSession;
import com.muejam.services.PgNode;

/**
 * From outside, as clients and operators see it, with the project-started servers paused, lagging, killed and
 * restarted underneath: read-your-writes across requests, replicas leaving and rejoining the rotation without
 * flapping, no failed read when a replica dies, and a pool resized live through the management API. Every
 * test leaves all replicas replaying and back in rotation.
 */
class ReplicaFailoverIT extends DeployedEarTest {

    @ArquillianResource
    ManagementClient management;

    /** A story id that never exists: a miss is not cached, so reading it always reaches a database. */
    private static final long MISSING = 999_999_999_999L;

    private static List<PgNode> replicas() {
        return ServicesSession.services().replicas();
    }

    @BeforeEach
    void allReplicasInRotation() throws Exception {
        for (PgNode r : replicas()) {
            replay(r, true);
        }
        awaitTrue("all replicas in rotation", Duration.ofSeconds(30), this::allInRotation);
    }

    @AfterEach
    void resumeEverything() throws Exception {
        for (PgNode r : replicas()) {
            if (!r.isRunning()) {
                r.start();
            }
            r.resume();
            replay(r, true);
        }
    }

    private boolean allInRotation() {
        return app.metric("muejam_db_replica_in_rotation") == replicas().size();
    }

    @Test
    void readYourWritesAcrossTwoRequestsWhileReplicaReplayIsPaused() throws Exception {
        long author = app.createAuthor();
        setSystemProperty("DB_REPLICA_MAX_LAG", "60s"); // keep the stale replicas in rotation for this test
        try {
            for (PgNode r : replicas()) {
                replay(r, false);
            }
            double rywBefore = app.metric("muejam_db_read_fallbacks_total", "reason=read_your_writes");

            HttpResponse<String> created = app.createStory(author, "read your writes"); // created and published
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            String token = created.headers().firstValue(AppClient.CONSISTENCY).orElseThrow();
            long story = AppClient.id(created.body());

            // first without the token (a miss is not cached): the paused replicas do not have the row yet
            HttpResponse<String> other = app.get("api/stories/" + story);
            assertThat(other.statusCode()).as("a read without the token is served by a (paused) replica").isEqualTo(404);

            HttpResponse<String> own = app.get("api/stories/" + story, AppClient.CONSISTENCY, token);
            assertThat(own.statusCode()).as("the writer's read with its token").isEqualTo(200);
            assertThat(own.body()).contains("read your writes");
            assertThat(own.headers().firstValue(AppClient.CONSISTENCY)).as("token echoed").hasValue(token);
            assertThat(app.metric("muejam_db_read_fallbacks_total", "reason=read_your_writes")).isEqualTo(rywBefore + 1);

            for (PgNode r : replicas()) {
                replay(r, true);
            }
            // Once the monitor has seen a replica replay the commit, reads with the token go to the replicas again.
            // The story itself is now cached, so the database path is observed with an id that does not exist
            // (misses are not cached).
            double replicaReads = replicaReads();
            awaitTrue("a read with the token served by a replica", Duration.ofSeconds(10), () -> {
                HttpResponse<String> r = app.get("api/stories/" + MISSING, AppClient.CONSISTENCY, token);
                assertThat(r.statusCode()).isEqualTo(404);
                return replicaReads() > replicaReads;
            });
        } finally {
            removeSystemProperty("DB_REPLICA_MAX_LAG");
        }
    }

    @Test
    void aClientWithItsTokenIsNotServedAStaleValueThatALaggingReplicaPutInTheCache() throws Exception {
        long author = app.createAuthor();
        HttpResponse<String> first = app.createStory(author, "first of two");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200); // created and published
        String listing = "api/stories?author=" + author;
        // let the write age past the grace window, then cache the listing as everybody sees it
        Thread.sleep(1_500);
        assertThat(app.get(listing).body()).contains("first of two");

        setSystemProperty("DB_REPLICA_MAX_LAG", "60s"); // keep the stale replicas in rotation for this test
        try {
            for (PgNode r : replicas()) {
                replay(r, false);
            }
            HttpResponse<String> second = app.createStory(author, "second of two");
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            String token = second.headers().firstValue(AppClient.CONSISTENCY).orElseThrow();

            // The commit invalidated the listing; a client without the token misses and a paused replica refills
            // the cache with the old listing. That is the window the delayed invalidation closes for everybody ...
            HttpResponse<String> stale = app.get(listing);
            assertThat(stale.body()).as("precondition: the replica refilled the cache").contains("first of two")
                    .doesNotContain("second of two");

            // ... but the writer, sending its token, must not be served that stale value
            double bypassed = app.metric("muejam_cache_bypass_total", "reason=read_your_writes");
            HttpResponse<String> own = app.get(listing, AppClient.CONSISTENCY, token);
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("second of two").contains("first of two");
            assertThat(app.metric("muejam_cache_bypass_total", "reason=read_your_writes")).isEqualTo(bypassed + 1);

            for (PgNode r : replicas()) {
                replay(r, true);
            }
            // after CACHE_REPLICA_GRACE_MS the second invalidation drops the stale entry for everybody
            awaitTrue("the stale listing is gone for clients without a token", Duration.ofSeconds(10),
                    () -> app.get(listing).body().contains("second of two"));
        } finally {
            removeSystemProperty("DB_REPLICA_MAX_LAG");
        }
    }

    @Test
    void aLaggingReplicaLeavesTheRotationAndComesBackOnlyAfterStayingHealthyWithoutFlapping() throws Exception {
        PgNode lagging = replicas().get(0);
        long story = visibleStory("lag");
        double exitsBefore = app.metric("muejam_db_replica_rotation_exits_total", "replica=replica", "reason=lag");
        double entriesBefore = app.metric("muejam_db_replica_rotation_entries_total", "replica=replica");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> writeTicks(writing), "tick-writer");
        Readers readers = new Readers(story, 2);
        try {
            replay(lagging, false);
            long paused = System.nanoTime();
            writer.start();
            awaitTrue("replica out of rotation", Duration.ofSeconds(15), () -> inRotation("replica") == 0);
            long out = System.nanoTime();
            // stays out while it lags: sampled for 3 s, never back in
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < until) {
                assertThat(inRotation("replica")).as("in rotation while lagging").isZero();
                Thread.sleep(100);
            }
            assertThat(app.metric("muejam_db_replica_lag_seconds", "replica=replica")).isGreaterThan(1.0);

            replay(lagging, true);
            long resumed = System.nanoTime();
            awaitTrue("replica back in rotation", Duration.ofSeconds(30), () -> inRotation("replica") == 1);
            long back = System.nanoTime();
            System.out.printf("ROUTING-FIGURES lag: out %d ms after replay paused (max lag 1 s), back %d ms after"
                    + " replay resumed (rejoin after 5 s)%n", ms(out - paused), ms(back - resumed));
            assertThat(Duration.ofNanos(back - resumed)).as("healthy for the rejoin delay first")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(4500));
            assertThat(app.metric("muejam_db_replica_rotation_exits_total", "replica=replica", "reason=lag"))
                    .as("left once").isEqualTo(exitsBefore + 1);
            assertThat(app.metric("muejam_db_replica_rotation_entries_total", "replica=replica"))
                    .as("rejoined once").isEqualTo(entriesBefore + 1);
        } finally {
            writing.set(false);
            writer.join();
            readers.stop();
        }
        assertThat(readers.failures()).as("failed reads while the replica lagged: %s", readers.failureSamples()).isZero();
        assertThat(readers.successes()).isPositive();
    }

    @Test
    void aKilledReplicaFailsNoReadAndRejoinsAfterRestart() throws Exception {
        PgNode victim = replicas().get(0);
        long story = visibleStory("kill");
        double downBefore = app.metric("muejam_db_replica_rotation_exits_total", "replica=replica", "reason=down");
        Readers readers = new Readers(story, 16); // many reads in flight on the replica when it dies
        try {
            Thread.sleep(500);
            long killed = System.nanoTime();
            victim.kill();
            awaitTrue("replica out of rotation", Duration.ofSeconds(10), () -> inRotation("replica") == 0);
            long out = System.nanoTime();
            Thread.sleep(2000); // reads carry on without it
            long restart = System.nanoTime();
            victim.start();
            long started = System.nanoTime();
            awaitTrue("replica back in rotation", Duration.ofSeconds(30), () -> inRotation("replica") == 1);
            long back = System.nanoTime();
            double replicaReads = app.metric("muejam_db_reads_total", "target=replica");
            awaitTrue("reads served by the restarted replica", Duration.ofSeconds(10),
                    () -> app.metric("muejam_db_reads_total", "target=replica") > replicaReads);
            System.out.printf("ROUTING-FIGURES kill: out %d ms after SIGKILL; restart took %d ms; back in rotation"
                    + " %d ms after the restarted replica was streaming%n", ms(out - killed), ms(started - restart),
                    ms(back - started));
        } finally {
            readers.stop();
        }
        assertThat(readers.failures()).as("failed reads: %s", readers.failureSamples()).isZero();
        assertThat(readers.successes()).isGreaterThan(20);
        assertThat(app.metric("muejam_db_replica_rotation_exits_total", "replica=replica", "reason=down"))
                .as("left once").isEqualTo(downBefore + 1);
        assertPoolFiguresTrueAtRest("replica");
    }

    @Test
    void aHungReplicaFailsNoReadAndRejoinsWhenItAnswersAgain() throws Exception {
        PgNode hung = replicas().get(0);
        long story = visibleStory("hang");
        Readers readers = new Readers(story, 4);
        try {
            Thread.sleep(500);
            long paused = System.nanoTime();
            hung.pause(); // SIGSTOP: connections hang instead of failing
            awaitTrue("replica out of rotation", Duration.ofSeconds(10), () -> inRotation("replica") == 0);
            long out = System.nanoTime();
            Thread.sleep(2000);
            hung.resume();
            long resumed = System.nanoTime();
            awaitTrue("replica back in rotation", Duration.ofSeconds(30), () -> inRotation("replica") == 1);
            System.out.printf("ROUTING-FIGURES hang: out %d ms after SIGSTOP; back %d ms after SIGCONT;"
                    + " slowest read %d ms%n", ms(out - paused), ms(System.nanoTime() - resumed), readers.slowestMillis());
        } finally {
            readers.stop();
        }
        assertThat(readers.failures()).as("failed reads: %s", readers.failureSamples()).isZero();
        assertThat(readers.successes()).isGreaterThan(20);
    }

    @Test
    void aMaxSizeChangedThroughTheManagementApiShowsInThePoolMonitorWithoutRedeploy() throws Exception {
        ModelNode pool = new ModelNode().add("subsystem", "datasources-agroal").add("datasource", "PrimaryDS");
        try {
            execute(Operations.createWriteAttributeOperation(pool, "connection-pool.max-size", 37));
            assertThat(app.metric("muejam_pool_max_size", "pool=primary")).isEqualTo(37);
            assertThat(app.healthDetail()).containsPattern("\"primary_pool\":\"ok: \\d+ active, \\d+ idle, 0 waiting, max 37\"");
        } finally {
            execute(Operations.createWriteAttributeOperation(pool, "connection-pool.max-size",
                    new ModelNode().setExpression("${DB_POOL_MAX_CONNECTIONS:50}")));
        }
        assertThat(app.metric("muejam_pool_max_size", "pool=primary")).isEqualTo(50);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * With no request running, a pool reports no connection in use and none negative: connections that died in
     * use (and were evicted) must not stay counted as active.
     */
    private void assertPoolFiguresTrueAtRest(String pool) throws InterruptedException {
        awaitTrue(pool + " pool at rest: 0 active, available >= 0", Duration.ofSeconds(10), () -> {
            double active = app.metric("muejam_pool_active_connections", "pool=" + pool);
            double available = app.metric("muejam_pool_available_connections", "pool=" + pool);
            System.out.printf("POOL-FIGURES %s at rest: active %.0f, available %.0f%n", pool, active, available);
            return active == 0 && available >= 0;
        });
        assertThat(app.metric("muejam_pool_utilisation_ratio", "pool=" + pool)).isZero();
        assertThat(app.metric("muejam_pool_alert", "pool=" + pool)).isZero();
    }

    private double inRotation(String replica) {
        return app.metric("muejam_db_replica_in_rotation", "replica=" + replica);
    }

    private double replicaReads() {
        return app.metric("muejam_db_reads_total", "target=replica") + app.metric("muejam_db_reads_total", "target=replica2");
    }

    /** A story that every replica already shows. */
    private long visibleStory(String title) throws Exception {
        long story = AppClient.id(app.createStory(app.createAuthor(), title).body());
        awaitTrue("story on every replica", Duration.ofSeconds(10), () -> {
            for (PgNode r : replicas()) {
                try (Connection c = jdbc(r); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM stories WHERE id = " + story)) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return false;
                    }
                } catch (SQLException e) {
                    return false;
                }
            }
            return true;
        });
        return story;
    }

    /** Pauses or resumes WAL replay on a replica and waits until it took effect. */
    private static void replay(PgNode replica, boolean on) throws Exception {
        try (Connection c = jdbc(replica); Statement s = c.createStatement()) {
            s.execute(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()");
            awaitTrue("replay " + (on ? "resumed" : "paused"), Duration.ofSeconds(10), () -> {
                try (ResultSet rs = s.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
                    rs.next();
                    return on == "not paused".equals(rs.getString(1));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** Writes on the primary every 50 ms, so that a replica that does not replay falls behind in time. */
    private static void writeTicks(AtomicBoolean writing) {
        PgNode primary = ServicesSession.services().primary();
        try (Connection c = jdbc(primary); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS it_routing_ticks (at timestamptz NOT NULL)");
            while (writing.get()) {
                s.execute("INSERT INTO it_routing_ticks VALUES (now())");
                Thread.sleep(50);
            }
            s.execute("TRUNCATE it_routing_ticks");
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection jdbc(PgNode node) throws SQLException {
        return DriverManager.getConnection(node.jdbcUrl(), node.user(), node.password());
    }

    private void setSystemProperty(String name, String value) throws Exception {
        ModelNode address = new ModelNode().add("system-property", name);
        ModelNode add = Operations.createAddOperation(address);
        add.get("value").set(value);
        execute(add);
    }

    private void removeSystemProperty(String name) throws Exception {
        execute(Operations.createRemoveOperation(new ModelNode().add("system-property", name)));
    }

    private void execute(ModelNode operation) throws Exception {
        ModelNode result = management.getControllerClient().execute(operation);
        assertThat(Operations.isSuccessfulOutcome(result)).as("%s -> %s", operation, result).isTrue();
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Client threads reading one story and one missing id over and over, recording any unexpected answer. */
    private final class Readers {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final Map<String, Integer> samples = new ConcurrentHashMap<>();
        private final AtomicInteger slowest = new AtomicInteger();
        private final ExecutorService threads;

        Readers(long story, int count) {
            threads = Executors.newFixedThreadPool(count);
            for (int i = 0; i < count; i++) {
                threads.submit(() -> {
                    while (running.get()) {
                        // the story (200; usually from the cache) and a missing id (404; always from a database)
                        read("api/stories/" + story, 200);
                        read("api/stories/" + MISSING, 404);
                    }
                });
            }
        }

        private void read(String path, int expected) {
            long t = System.nanoTime();
            try {
                HttpResponse<String> r = app.get(path);
                if (r.statusCode() == expected) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    samples.merge(r.statusCode() + " " + r.body(), 1, Integer::sum);
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                samples.merge(e.toString(), 1, Integer::sum);
            }
            slowest.accumulateAndGet((int) ms(System.nanoTime() - t), Math::max);
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            threads.awaitTermination(90, TimeUnit.SECONDS);
        }

        int successes() {
            return ok.get();
        }

        int failures() {
            return failed.get();
        }

        long slowestMillis() {
            return slowest.get();
        }

        List<String> failureSamples() {
            return new ArrayList<>(samples.keySet()).subList(0, Math.min(5, samples.size()));
        }
    }
}
