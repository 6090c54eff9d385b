package com.muejam.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import com.muejam.infrastructure.routing.Decision;
import com.muejam.infrastructure.routing.Fallback;
import com.muejam.infrastructure.routing.Lsn;
import com.muejam.infrastructure.routing.ReplicaChecker;
import com.muejam.infrastructure.routing.Route;
import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;

/**
 * Share of reads served by replicas under a read-heavy load with healthy replicas (target at least 90 %).
 *
 * <p>A project-started PostgreSQL primary and two streaming replicas; the application's {@link ReplicaChecker}
 * (every 100 ms, as in the server) and its router. Worker threads play users: 95 % of requests read one row,
 * 5 % update one on the primary and keep the commit position ({@code pg_current_wal_insert_lsn()}) as that
 * user's read-your-writes token, which every later read of that user carries, exactly as the HTTP header does.
 * Two populations are run: many users (each comes back every few hundred ms, the usual case) and a few users
 * hammering back to back (the worst case for read-your-writes). Prints figures; asserts nothing.
 */
public final class ReplicaShareBenchmark {

    private static final int ROWS = 10_000;
    private static final double WRITE_SHARE = 0.05;

    private ReplicaShareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        Path stateDir = Path.of(System.getProperty("bench.stateDir", "target/bench-services"));
        LocalServices services = LocalServices.up(ServicesConfig.builder().stateDir(stateDir)
                .primaryPort(21435).replicaPorts(21436, 21437).redisPort(21438).build());
        try {
            prepare(services);
            run(services, "many users (2000), 8 workers", 2000, 8, seconds);
            run(services, "few users (8), back to back", 8, 8, seconds);
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                services.down();
            }
        }
    }

    private static void prepare(LocalServices services) throws SQLException, InterruptedException {
        try (Connection c = connect(services.primary()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_rows");
            s.execute("CREATE TABLE bench_rows (id int PRIMARY KEY, v text NOT NULL)");
            s.execute("INSERT INTO bench_rows SELECT g, md5(g::text) FROM generate_series(1, " + ROWS + ") g");
        }
        for (PgNode r : services.replicas()) {
            for (int i = 0; ; i++) {
                try (Connection c = connect(r); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM bench_rows")) {
                    rs.next();
                    if (rs.getInt(1) == ROWS) {
                        break;
                    }
                } catch (SQLException e) {
                    if (i > 200) {
                        throw e;
                    }
                }
                Thread.sleep(50);
            }
        }
    }

    private static void run(LocalServices services, String label, int users, int workers, int seconds) throws Exception {
        Map<Route, PgNode> nodes = new EnumMap<>(Route.class);
        nodes.put(Route.PRIMARY, services.primary());
        nodes.put(Route.REPLICA, services.replica(1));
        nodes.put(Route.REPLICA_2, services.replica(2));
        Map<Route, ReplicaChecker.Opener> openers = new EnumMap<>(Route.class);
        nodes.forEach((route, node) -> openers.put(route, () -> connect(node, "bench-monitor")));
        ScheduledExecutorService checks = Executors.newScheduledThreadPool(3);
        ReplicaChecker checker = new ReplicaChecker(List.of(Route.REPLICA, Route.REPLICA_2), openers, checks,
                () -> 500, () -> TimeUnit.SECONDS.toNanos(1), () -> TimeUnit.SECONDS.toNanos(5));
        checker.checkPrimary();
        checker.checkReplica(Route.REPLICA);
        checker.checkReplica(Route.REPLICA_2);
        checks.scheduleWithFixedDelay(checker::checkPrimary, 100, 100, TimeUnit.MILLISECONDS);
        checks.scheduleWithFixedDelay(() -> checker.checkReplica(Route.REPLICA), 100, 100, TimeUnit.MILLISECONDS);
        checks.scheduleWithFixedDelay(() -> checker.checkReplica(Route.REPLICA_2), 100, 100, TimeUnit.MILLISECONDS);

        AtomicLongArray tokens = new AtomicLongArray(users);
        Map<Route, LongAdder> reads = new ConcurrentHashMap<>();
        Map<Fallback, LongAdder> fallbacks = new ConcurrentHashMap<>();
        LongAdder writes = new LongAdder();
        LongAdder decisionNanos = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            int first = w;
            threads[w] = new Thread(() -> {
                Map<Route, Connection> conns = new EnumMap<>(Route.class);
                try {
                    for (Map.Entry<Route, PgNode> e : nodes.entrySet()) {
                        conns.put(e.getKey(), connect(e.getValue(), "bench-worker"));
                    }
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int n = 0;
                    while (System.nanoTime() < end) {
                        // few users: each worker plays its own users in turn; many: any user
                        int user = users <= workers ? first : users < 2 * workers ? (first + n++ * workers) % users
                                : random.nextInt(users);
                        int row = 1 + random.nextInt(ROWS);
                        if (random.nextDouble() < WRITE_SHARE) {
                            Connection c = conns.get(Route.PRIMARY);
                            try (PreparedStatement u = c.prepareStatement("UPDATE bench_rows SET v = md5(random()::text) WHERE id = ?")) {
                                u.setInt(1, row);
                                u.executeUpdate();
                            }
                            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
                                rs.next();
                                long lsn = Lsn.parse(rs.getString(1));
                                tokens.accumulateAndGet(user, lsn, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
                            }
                            writes.increment();
                            continue;
                        }
                        long t = System.nanoTime();
                        Decision d = checker.router().route(tokens.get(user));
                        decisionNanos.add(System.nanoTime() - t);
                        try (PreparedStatement q = conns.get(d.route()).prepareStatement("SELECT v FROM bench_rows WHERE id = ?")) {
                            q.setInt(1, row);
                            try (ResultSet rs = q.executeQuery()) {
                                rs.next();
                            }
                        }
                        reads.computeIfAbsent(d.route(), k -> new LongAdder()).increment();
                        if (d.fallback() != null) {
                            fallbacks.computeIfAbsent(d.fallback(), k -> new LongAdder()).increment();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } finally {
                    conns.values().forEach(c -> {
                        try {
                            c.close();
                        } catch (SQLException ignored) {
                            // end of run
                        }
                    });
                }
            }, "bench-worker-" + w);
            threads[w].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        checks.shutdownNow();
        checks.awaitTermination(5, TimeUnit.SECONDS);
        checker.close();

        long total = reads.values().stream().mapToLong(LongAdder::sum).sum();
        long onReplicas = total - reads.getOrDefault(Route.PRIMARY, new LongAdder()).sum();
        long requests = total + writes.sum();
        System.out.printf("ROUTING-FIGURES replica share [%s]: %d reads + %d writes in %d s (%.0f req/s, each user"
                + " every %.0f ms on average); reads on replicas %.1f %% (replica %d, replica2 %d, primary %d);"
                + " fallbacks %s; decision %.0f ns/read wall-clock (with scheduling noise; JMH gives the CPU cost)%n",
                label, total, writes.sum(), seconds, requests / (double) seconds,
                users * seconds * 1000.0 / Math.max(1, requests),
                100.0 * onReplicas / Math.max(1, total),
                reads.getOrDefault(Route.REPLICA, new LongAdder()).sum(),
                reads.getOrDefault(Route.REPLICA_2, new LongAdder()).sum(),
                reads.getOrDefault(Route.PRIMARY, new LongAdder()).sum(), fallbacks,
                decisionNanos.sum() / (double) Math.max(1, total));
    }

    private static Connection connect(PgNode node) throws SQLException {
        return connect(node, "bench");
    }

    private static Connection connect(PgNode node, String name) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", node.user());
        p.setProperty("password", node.password());
        p.setProperty("ApplicationName", name);
        p.setProperty("connectTimeout", "2");
        p.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(node.jdbcUrl(), p);
    }
}
