package com.muejam.infrastructure.routing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import com.muejam.infrastructure.pools.PoolAccess;

/**
 * Watches the replicas every {@code DB_REPLICA_CHECK_INTERVAL} (100 ms): the primary's current LSN (kept in a
 * short history), each replica's replayed LSN and whether it answers within {@code DB_REPLICA_CHECK_TIMEOUT}.
 * From these it keeps each replica's {@link ReplicaRotation} and the cached replayed LSNs that
 * {@link ReadRouter} decides on, so the read path never asks a database anything.
 *
 * <p>Each server is checked by its own task on its own monitoring connection (outside the pools), so a hung
 * replica delays only its own checks. The tasks run on threads from the server's
 * {@link ManagedThreadFactory}, not on the shared managed scheduler: a check that waits for its timeout must
 * not hold up the pool monitor or other scheduled work, nor wait behind it.
 */
@ApplicationScoped
public class ReplicaMonitor {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class.getName());
    /** About 100 s of primary positions at the default interval: lags beyond that are reported as at least that. */
    private static final int HISTORY = 1024;
    private static final String PRIMARY_SQL =
            "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END";
    private static final String REPLICA_SQL = "SELECT pg_is_in_recovery(),"
            + " CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END";

    @Inject
    RoutingSettings settings;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedThreadFactory threads;

    private final LsnHistory history = new LsnHistory(HISTORY);
    private final Map<Route, ReplicaRotation> rotations = new EnumMap<>(Route.class);
    private final Map<Route, CheckConnection> connections = new EnumMap<>(Route.class);
    private final AtomicBoolean started = new AtomicBoolean();
    private ReadRouter router;
    private ScheduledThreadPoolExecutor executor;
    private volatile long primaryCheckedAt;
    private volatile String primaryError;

    @PostConstruct
    void init() {
        List<ReplicaRotation> list = new ArrayList<>();
        for (Route r : settings.replicas()) {
            ReplicaRotation rotation = new ReplicaRotation(r);
            rotations.put(r, rotation);
            list.add(rotation);
        }
        router = new ReadRouter(list);
        executor = new ScheduledThreadPoolExecutor(1 + rotations.size(), threads);
        executor.setRemoveOnCancelPolicy(true);
        connections.put(Route.PRIMARY, new CheckConnection(() -> open(Route.PRIMARY), executor));
        rotations.keySet().forEach(r -> connections.put(r, new CheckConnection(() -> open(r), executor)));
        rotations.keySet().forEach(this::registerMetrics);
        // First round before the application serves: the replicas that answer join at once.
        CompletableFuture.runAsync(this::checkPrimary, executor).join();
        CompletableFuture.allOf(rotations.keySet().stream()
                .map(r -> CompletableFuture.runAsync(() -> checkReplica(r), executor))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Schedules the checks when the application starts (rather than on first use of the router). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        long interval = settings.checkInterval().toNanos();
        executor.scheduleWithFixedDelay(this::checkPrimary, interval, interval, TimeUnit.NANOSECONDS);
        for (Route r : rotations.keySet()) {
            executor.scheduleWithFixedDelay(() -> checkReplica(r), interval, interval, TimeUnit.NANOSECONDS);
        }
        LOG.info(() -> "replica monitor: " + rotations.keySet() + " every " + settings.checkInterval().toMillis()
                + " ms, max lag " + settings.maxLag().toMillis() + " ms, rejoin after "
                + settings.rejoinAfter().toMillis() + " ms; in rotation: " + inRotation());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        connections.values().forEach(CheckConnection::close);
    }

    /** The decision core, fed by this monitor. */
    public ReadRouter router() {
        return router;
    }

    /** The configured replicas' rotation states. */
    public List<ReplicaRotation> replicas() {
        return router.replicas();
    }

    public ReplicaRotation rotation(Route replica) {
        return rotations.get(replica);
    }

    /** The primary's latest sampled LSN. */
    public long primaryLsn() {
        return history.latest();
    }

    /** Why the latest primary sample failed, {@code null} when it succeeded. */
    public String primaryError() {
        return primaryError;
    }

    public List<Route> inRotation() {
        return router.replicas().stream().filter(ReplicaRotation::inRotation).map(ReplicaRotation::route).toList();
    }

    /**
     * A read on {@code replica} failed at the connection level: take it out now (the monitor would notice only
     * at its next check) and drop its pool's connections, which are as dead as the one that failed.
     */
    public void reportFailure(Route replica, Throwable failure) {
        ReplicaRotation rotation = rotations.get(replica);
        if (rotation == null) {
            return;
        }
        ReplicaRotation.State before = rotation.state();
        ReplicaRotation.Transition t = rotation.markDown(ReplicaFailures.describe(failure));
        afterTransition(rotation, before, t);
    }

    // ------------------------------------------------------------------------------------------------ checks

    void checkPrimary() {
        try {
            long lsn = connections.get(Route.PRIMARY).query(PRIMARY_SQL, timeoutMillis(), rs -> Lsn.parseOrNone(rs.getString(1)));
            history.record(System.nanoTime(), lsn);
            primaryError = null;
        } catch (SQLException | RuntimeException e) {
            if (primaryError == null) {
                LOG.log(Level.WARNING, "replica monitor: primary position unavailable: " + ReplicaFailures.describe(e));
            }
            primaryError = ReplicaFailures.describe(e);
        } finally {
            primaryCheckedAt = System.nanoTime();
        }
    }

    void checkReplica(Route replica) {
        ReplicaRotation rotation = rotations.get(replica);
        ReplicaObservation o;
        try {
            o = connections.get(replica).query(REPLICA_SQL, timeoutMillis(), rs -> {
                boolean inRecovery = rs.getBoolean(1);
                long replay = Lsn.parseOrNone(rs.getString(2));
                long now = System.nanoTime();
                long latest = history.latest();
                return ReplicaObservation.of(inRecovery, replay, history.lagNanos(replay, now),
                        Long.compareUnsigned(latest, replay) > 0 ? latest - replay : 0);
            });
        } catch (SQLException | RuntimeException e) {
            o = ReplicaObservation.unreachable(ReplicaFailures.describe(e));
        }
        ReplicaRotation.State before = rotation.state();
        ReplicaRotation.Transition t;
        try {
            t = rotation.observe(o, System.nanoTime(), settings.maxLag().toNanos(), settings.rejoinAfter().toNanos());
        } catch (RuntimeException e) { // a malformed live setting must not stop the checks
            LOG.log(Level.WARNING, "replica monitor: " + e.getMessage());
            return;
        }
        afterTransition(rotation, before, t);
    }

    private void afterTransition(ReplicaRotation rotation, ReplicaRotation.State before, ReplicaRotation.Transition t) {
        String replica = rotation.route().unitName();
        if (t == ReplicaRotation.Transition.LEFT) {
            String reason = rotation.state() == ReplicaRotation.State.OUT_LAG ? "lag" : "down";
            exits(replica, reason).inc();
            LOG.warning(() -> "replica " + replica + " left the read rotation: " + rotation.outCause()
                    + "; reads go to " + (inRotation().isEmpty() ? "the primary" : inRotation()));
        } else if (t == ReplicaRotation.Transition.JOINED) {
            metrics.counter("muejam_db_replica_rotation_entries_total", new Tag("replica", replica)).inc();
            LOG.info(() -> "replica " + replica + " is in the read rotation");
        }
        if (rotation.state() == ReplicaRotation.State.OUT_DOWN && before != ReplicaRotation.State.OUT_DOWN) {
            PoolAccess.evictAll(rotation.route().jndiName());
        }
    }

    private Counter exits(String replica, String reason) {
        return metrics.counter("muejam_db_replica_rotation_exits_total", new Tag("replica", replica), new Tag("reason", reason));
    }

    private int timeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.checkTimeout().toMillis()));
    }

    /**
     * A monitoring connection outside the pool: the pool's driver, URL and credentials, its own name in
     * {@code pg_stat_activity}, and connect/login/socket timeouts (whole seconds for the driver) so that even
     * opening it cannot hang; once open, each round trip has the millisecond network timeout.
     */
    private java.sql.Connection open(Route route) throws SQLException {
        Properties p = new Properties();
        String seconds = Long.toString(Math.max(1, (long) Math.ceil(settings.checkTimeout().toMillis() / 1000.0)));
        p.setProperty("ApplicationName", "muejam-monitor");
        p.setProperty("connectTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        return PoolAccess.openDirect(route.jndiName(), p);
    }

    private void registerMetrics(Route replica) {
        Tag tag = new Tag("replica", replica.unitName());
        ReplicaRotation r = rotations.get(replica);
        metrics.gauge("muejam_db_replica_in_rotation", r, x -> x.inRotation() ? 1 : 0, tag);
        metrics.gauge("muejam_db_replica_lag_seconds", r,
                x -> x.lastObservation() == null || !x.lastObservation().reachable() ? Double.NaN
                        : x.lastObservation().lagNanos() / 1e9, tag);
        metrics.gauge("muejam_db_replica_lag_bytes", r,
                x -> x.lastObservation() == null || !x.lastObservation().reachable() ? Double.NaN
                        : (double) x.lastObservation().lagBytes(), tag);
        metrics.gauge("muejam_db_replica_reachable", r,
                x -> x.lastObservation() != null && x.lastObservation().reachable() ? 1 : 0, tag);
        // registered up front so that a zero shows before the first exit
        exits(replica.unitName(), "lag");
        exits(replica.unitName(), "down");
        metrics.counter("muejam_db_replica_rotation_entries_total", tag);
    }

    /** The check interval in force, for health output. */
    public Duration checkInterval() {
        return settings.checkInterval();
    }

    /** {@link System#nanoTime()} of the latest primary sample attempt. */
    public long primaryCheckedAt() {
        return primaryCheckedAt;
    }
}
