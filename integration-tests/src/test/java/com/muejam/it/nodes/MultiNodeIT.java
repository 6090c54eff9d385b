package com.muejam.it.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.muejam.it.ServicesSession;
import com.muejam.load.LoadSuite;
import com.muejam.load.Timeline;
import com.muejam.it.routing.AppClient;
import com.muejam.services.PgNode;

/**
 * Two application nodes on the same primary, streaming replicas and Redis, as production runs them behind a load
 * balancer: a write on node A read on node B with the client's token, as the same user from another device (no
 * token), and anonymously; the same while Redis is down; and a node shut down under load behind HAProxy.
 *
 * <p>Replica replay is paused where a test needs a stale replica to tell fresh from stale (with a generous
 * {@code DB_REPLICA_MAX_LAG} the paused replicas stay in rotation: the worst case the routing allows).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    /** The per-user window and the outage bound these nodes run with (defaults: 5 s and 5 s). */
    static final Duration USER_WINDOW = Duration.ofSeconds(3);
    static final Duration OUTAGE_MAX_AGE = Duration.ofSeconds(1);
    /** The documented bound for an anonymous read on another node (replica lag bound + invalidation), generous. */
    static final Duration ANONYMOUS_BOUND = Duration.ofSeconds(5);

    private static AppNode a;
    private static AppNode b;
    private static AppClient onA;
    private static AppClient onB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        int offset = Integer.getInteger("muejam.it.port.offset", 100);
        Map<String, String> settings = Map.of(
                "DB_REPLICA_MAX_LAG", "60s",
                "READ_YOUR_WRITES_USER_WINDOW", USER_WINDOW.toMillis() + "ms",
                "L1_CACHE_OUTAGE_MAX_AGE", OUTAGE_MAX_AGE.toMillis() + "ms");
        a = new AppNode("node-a", offset + 20, settings);
        b = new AppNode("node-b", offset + 40, settings);
        ExecutorService boot = Executors.newFixedThreadPool(2);
        try {
            Future<AppNode> fa = boot.submit(a::start);
            Future<AppNode> fb = boot.submit(b::start);
            fa.get();
            fb.get();
        } finally {
            boot.shutdownNow();
        }
        onA = new AppClient(a.url());
        onB = new AppClient(b.url());
    }

    @AfterAll
    static void stopNodes() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @AfterEach
    void servicesBack() throws Exception {
        for (PgNode r : ServicesSession.services().replicas()) {
            replay(r, true);
        }
        if (!ServicesSession.services().redis().isRunning()) {
            ServicesSession.services().redis().start();
        }
    }

    @Test
    @Order(1)
    void aWriteOnOneNodeIsReadOnTheOtherWithTheTokenAndByTheSameUserOnAnotherDevice() throws Exception {
        AppClient.User author = onA.signUp("mn");
        AppClient.User stranger = onB.signUp("mn_other");
        String secondDevice = onB.signIn(author.username(), AppClient.PASSWORD);
        long story = published(author, "first title");
        long other = published(author, "first title");
        awaitTrue("the stories reached the replicas",
                () -> titleOn(onB, story).equals("first title") && titleOn(onB, other).equals("first title"));

        pauseReplay();
        HttpResponse<String> edit = onA.patch("api/stories/" + story, "{\"title\":\"second title\"}", author.auth());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        String token = edit.headers().firstValue(AppClient.CONSISTENCY).orElseThrow();
        HttpResponse<String> editOther = onA.patch("api/stories/" + other, "{\"title\":\"second title\"}", author.auth());
        assertThat(editOther.statusCode()).as(editOther.body()).isEqualTo(200);

        // anonymous on B: served by a paused replica, so the old title (the precondition that makes the rest count)
        assertThat(titleOn(onB, story)).as("anonymous read while replay is paused").isEqualTo("first title");
        // a signed-in stranger is not helped by the author's window
        assertThat(title(onB.get("api/stories/" + story, stranger.auth()))).isEqualTo("first title");
        // the writing client's token, on the other node
        assertThat(title(onB.get("api/stories/" + story, AppClient.CONSISTENCY, token))).isEqualTo("second title");
        // the same user on another device: no token, another session, the other node
        assertThat(title(onB.get("api/stories/" + story, "Authorization", "Bearer " + secondDevice)))
                .isEqualTo("second title");

        // after the window the second device reads the replicas again: the other story, not read since its edit,
        // comes from a paused replica
        Thread.sleep(USER_WINDOW.toMillis() + 500);
        assertThat(title(onB.get("api/stories/" + other, "Authorization", "Bearer " + secondDevice)))
                .as("after the per-user window").isEqualTo("first title");

        resumeReplay();
        long t0 = System.nanoTime();
        awaitTrue("anonymous read on B fresh within " + ANONYMOUS_BOUND,
                () -> titleOn(onB, story).equals("second title"));
        System.out.printf("anonymous read on the other node fresh %d ms after replay resumed%n",
                (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    @Order(2)
    void whileRedisIsDownTheUsersOwnReadsGoToThePrimaryAndOtherNodesCatchUpWithinTheOutageBound() throws Exception {
        AppClient.User author = onA.signUp("mn_outage");
        String secondDevice = onB.signIn(author.username(), AppClient.PASSWORD);
        long story = published(author, "before the outage");
        awaitTrue("the story reached B", () -> titleOn(onB, story).equals("before the outage"));
        titleOn(onB, story); // now in B's L1

        ServicesSession.services().redis().kill();
        pauseReplay();
        HttpResponse<String> edit = onA.patch("api/stories/" + story, "{\"title\":\"during the outage\"}", author.auth());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        // Redis cannot tell B the author's position: B sends the author's reads to the primary
        assertThat(title(onB.get("api/stories/" + story, "Authorization", "Bearer " + secondDevice)))
                .isEqualTo("during the outage");

        resumeReplay();
        long t0 = System.nanoTime();
        awaitTrue("anonymous read on B fresh within the outage bound",
                () -> titleOn(onB, story).equals("during the outage"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("during a Redis outage: anonymous read on the other node fresh after %d ms%n", ms);
        assertThat(ms).isLessThan(OUTAGE_MAX_AGE.toMillis() + ANONYMOUS_BOUND.toMillis());

        ServicesSession.services().redis().start();
        awaitTrue("the cache on both nodes uses Redis again", () -> l2Closed(onA) && l2Closed(onB));
        HttpResponse<String> after = onA.patch("api/stories/" + story, "{\"title\":\"after the outage\"}", author.auth());
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(title(onB.get("api/stories/" + story, "Authorization", "Bearer " + secondDevice)))
                .isEqualTo("after the outage");
        awaitTrue("anonymous read on B fresh after Redis returned", () -> titleOn(onB, story).equals("after the outage"));
    }

    @Test
    @Order(3)
    void aNodeShutDownBehindTheBalancerUnderLoadLosesNoRequest() throws Exception {
        int port = 8080 + Integer.getInteger("muejam.it.port.offset", 100) + 60;
        Path dir = Path.of(System.getProperty("muejam.it.state.dir")).resolveSibling("nodes").resolve("balancer");
        try (Balancer lb = new Balancer(port, dir).start(List.of(a, b))) {
            AppClient through = new AppClient(lb.url());
            awaitTrue("both nodes serve through the balancer", () -> through.get("health/ready").statusCode() == 200);
            int writers = 4;
            List<AppClient.User> users = new ArrayList<>();
            List<Long> stories = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                AppClient.User u = through.signUp("mn_lb");
                users.add(u);
                stories.add(published(through, u, "lb 0"));
            }
            Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
            AtomicInteger failures = new AtomicInteger();
            long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            ExecutorService load = Executors.newFixedThreadPool(writers);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                AppClient.User u = users.get(i);
                long story = stories.get(i);
                running.add(load.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> r = n % 2 == 0
                                    ? through.patch("api/stories/" + story, "{\"title\":\"lb " + n + "\"}", u.auth())
                                    : through.get("api/stories/" + story, u.auth());
                            byStatus.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        n++;
                    }
                }));
            }
            Thread.sleep(3000);
            b.shutdownGracefully(Duration.ofSeconds(10));
            for (Future<?> f : running) {
                f.get();
            }
            load.shutdown();
            System.out.println("through the balancer while node B shut down: " + byStatus + ", transport errors " + failures);
            assertThat(failures.get()).as("requests that failed at the transport").isZero();
            assertThat(byStatus.keySet()).as("statuses seen: %s", byStatus).containsOnly(200);
            assertThat(byStatus.get(200).get()).isGreaterThan(20);
        } finally {
            if (!b.isRunning()) {
                b.start();
            }
        }
    }

    @Test
    @Order(4)
    void theLoadSuitesCrossNodeRunsFindNoStaleReadBackBeyondTheBounds() throws Exception {
        Path out = Path.of(System.getProperty("muejam.it.state.dir")).resolveSibling("nodes").resolve("cross-node");
        LoadSuite.Options options = new LoadSuite.Options(a.url(), Path.of(System.getProperty("muejam.it.state.dir")),
                Path.of(System.getProperty("muejam.wildfly.home"), "bin", "jboss-cli.sh"), "127.0.0.1:" + a.managementPort(),
                out, out, true, 30, 10, 50, "integration test nodes", "multi-node", List.of(a.url(), b.url()));
        List<LoadSuite.CrossNode> runs = new LoadSuite(options).runCrossNode();
        assertThat(runs).hasSize(2);
        for (LoadSuite.CrossNode c : runs) {
            Timeline t = c.run().timeline();
            System.out.printf("%s: %d read-backs, stale same user %d, stale anonymous after %d ms %d, %s%n", c.label(),
                    t.crossChecks(), t.staleSameUser(), c.anonymousBound().toMillis(), t.staleAnonymous(),
                    c.run().statuses());
            assertThat(t.crossChecks()).as(c.label()).isGreaterThan(10);
            assertThat(t.staleSameUser()).as("%s: the same user read an older edit on the other node", c.label()).isZero();
            assertThat(t.staleAnonymous()).as("%s: anonymous read older than the bound", c.label()).isZero();
            assertThat(c.run().lost()).as("%s: %s", c.label(), c.run().statuses()).isZero();
        }
    }

    private static long published(AppClient.User author, String title) {
        return published(onA, author, title);
    }

    private static long published(AppClient via, AppClient.User author, String title) {
        HttpResponse<String> created = via.post("api/stories", "{\"title\":\"" + title + "\",\"body\":\"two nodes\"}",
                author.auth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = AppClient.id(created.body());
        HttpResponse<String> published = via.post("api/stories/" + id + "/publish", "", author.auth());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    private static String titleOn(AppClient node, long story) {
        return title(node.get("api/stories/" + story));
    }

    private static String title(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"").matcher(r.body());
        assertThat(m.find()).as("title in %s", r.body()).isTrue();
        return m.group(1);
    }

    private static boolean l2Closed(AppClient node) {
        return node.metric("muejam_cache_l2_breaker_state") == 0
                && node.get("health/ready").statusCode() == 200;
    }

    private static void pauseReplay() throws Exception {
        for (PgNode r : ServicesSession.services().replicas()) {
            replay(r, false);
        }
    }

    private static void resumeReplay() throws Exception {
        for (PgNode r : ServicesSession.services().replicas()) {
            replay(r, true);
        }
    }

    private static void replay(PgNode replica, boolean on) throws Exception {
        if (!replica.isRunning()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(replica.jdbcUrl(), replica.user(), replica.password());
                Statement s = c.createStatement()) {
            s.execute(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()");
            awaitTrue("replay " + (on ? "resumed" : "paused"), () -> {
                try (ResultSet rs = s.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
                    rs.next();
                    return on == "not paused".equals(rs.getString(1));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + ANONYMOUS_BOUND.toNanos() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            AppNode.sleep(20);
        }
        throw new AssertionError("timed out: " + what);
    }
}
