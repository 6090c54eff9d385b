package com.muejam.it.pools;

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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.ServicesSession;
import com.muejam.it.routing.AppClient;
import com.muejam.services.PgNode;

/**
 * The primary pool squeezed live (as an operator would with jboss-cli) while the API takes writes: a writing request
 * takes one primary connection at a time, so a pool of one still serves a write with its consistency token, and a
 * pool of two under 32 concurrent writers serves them at the rate its connections allow, answers the rest 503 within
 * the acquisition timeout, and is all 2xx again once restored.
 */
class PoolPressureIT extends DeployedEarTest {

    /** The acquisition timeout while squeezed (the default is 5 s; shorter keeps the test short). */
    private static final int BLOCKING_TIMEOUT_MS = 3000;

    @ArquillianResource
    ManagementClient management;

    private final ModelNode primaryPool = new ModelNode().add("subsystem", "datasources-agroal").add("datasource", "PrimaryDS");

    @AfterEach
    void restore() throws Exception {
        // raise max before min (max < min is refused), then the timeout, all back to the configured expressions
        write("connection-pool.max-size", new ModelNode().setExpression("${DB_POOL_MAX_CONNECTIONS:50}"));
        write("connection-pool.min-size", new ModelNode().setExpression("${DB_POOL_MIN_CONNECTIONS:10}"));
        write("connection-pool.blocking-timeout", new ModelNode().setExpression("${DB_POOL_CONNECTION_TIMEOUT:5}000"));
        for (PgNode r : ServicesSession.services().replicas()) {
            replay(r, true);
        }
    }

    @Test
    void aPoolOfOneServesAWriteWellInsideTheTimeoutWithATokenThatAPausedReplicaHonours() throws Exception {
        AppClient.User writer = app.signUp("squeeze1");
        squeeze(1);
        for (PgNode r : ServicesSession.services().replicas()) {
            replay(r, false);
        }
        long start = System.nanoTime();
        HttpResponse<String> created = app.post("api/stories", "{\"title\":\"one connection\",\"body\":\"b\"}", writer.auth());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        System.out.printf("POOL-FIGURES a write on a pool of 1 took %d ms%n", took.toMillis());
        assertThat(took).as("no second checkout waits out the acquisition timeout")
                .isLessThan(Duration.ofMillis(BLOCKING_TIMEOUT_MS / 2));
        String token = created.headers().firstValue(AppClient.CONSISTENCY).orElse(null);
        assertThat(token).as("the write's consistency token").isNotNull().matches("[0-9A-F]+/[0-9A-F]+");
        long story = AppClient.id(created.body());

        // the replicas have not replayed the write: with the token the read goes to the primary and sees it
        HttpResponse<String> own = app.get("api/stories/" + story, writer.auth(AppClient.CONSISTENCY, token));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("one connection");
    }

    @Test
    void aPoolOfTwoUnder32WritersServesOrAnswers503WithinTheTimeoutAndRecovers() throws Exception {
        int writers = 32;
        List<AppClient.User> users = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            users.add(app.signUp("squeeze2"));
        }
        squeeze(2);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long slowest = 0;
        int served = 0;
        long start = System.nanoTime();
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (AppClient.User u : users) {
                for (int n = 0; n < 4; n++) {
                    results.add(threads.submit(() -> {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = app.post("api/stories", "{\"title\":\"squeezed\",\"body\":\"b\"}", u.auth());
                        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                        if (r.statusCode() == 503) {
                            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                            assertThat(r.headers().firstValue("Retry-After")).isPresent();
                        }
                        return new long[] {r.statusCode(), ms};
                    }));
                }
            }
            for (Future<long[]> f : results) {
                long[] r = f.get();
                statuses.merge((int) r[0], 1, Integer::sum);
                slowest = Math.max(slowest, r[1]);
                served += r[0] / 100 == 2 ? 1 : 0;
            }
        } finally {
            threads.shutdownNow();
        }
        long seconds = Math.max(1, Duration.ofNanos(System.nanoTime() - start).toSeconds());
        System.out.printf("POOL-FIGURES pool of 2, %d writers x 4 writes: statuses %s, slowest %d ms, %d served in %d s%n",
                writers, statuses, slowest, served, seconds);
        assertThat(statuses.keySet()).as("only 2xx or the 503 of an exhausted pool").allMatch(s -> s / 100 == 2 || s == 503);
        assertThat(served).as("the pool keeps serving").isGreaterThan(writers);
        assertThat(slowest).as("no request waits much longer than the acquisition timeout")
                .isLessThan(BLOCKING_TIMEOUT_MS + 2000L);

        restore();
        for (AppClient.User u : users.subList(0, 8)) {
            HttpResponse<String> r = app.post("api/stories", "{\"title\":\"restored\",\"body\":\"b\"}", u.auth());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        awaitAtRest();
    }

    /** Lowers min before max (max < min is refused) and shortens the acquisition timeout. */
    private void squeeze(int max) throws Exception {
        write("connection-pool.min-size", new ModelNode(max));
        write("connection-pool.max-size", new ModelNode(max));
        write("connection-pool.blocking-timeout", new ModelNode(BLOCKING_TIMEOUT_MS));
        assertThat(app.metric("muejam_pool_max_size", "pool=primary")).isEqualTo(max);
    }

    private void awaitAtRest() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (app.metric("muejam_pool_active_connections", "pool=primary") != 0) {
            assertThat(System.nanoTime()).as("primary pool back at rest").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(app.metric("muejam_pool_available_connections", "pool=primary")).isNotNegative();
    }

    private void write(String attribute, ModelNode value) throws Exception {
        ModelNode op = Operations.createWriteAttributeOperation(primaryPool, attribute, value);
        ModelNode result = management.getControllerClient().execute(op);
        assertThat(Operations.isSuccessfulOutcome(result)).as("%s -> %s", op, result).isTrue();
    }

    private static void replay(PgNode replica, boolean on) throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(replica.jdbcUrl(), replica.user(), replica.password());
                Statement s = c.createStatement()) {
            s.execute(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
                    rs.next();
                    if (on == "not paused".equals(rs.getString(1))) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("replay " + (on ? "resumed" : "paused")).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }
}
