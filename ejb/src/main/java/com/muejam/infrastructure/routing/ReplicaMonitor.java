package com.muejam.infrastructure.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
 * short history), each replica's replayed LSN and whether it answers within {@code DB_REPLICA_CHECK_TIMEOUT}
 * (500 ms). From these {@link ReplicaChecker} keeps each replica's {@link ReplicaRotation} and the cached
 * replayed LSNs that {@link ReadRouter} decides on, so the read path never asks a database anything. This bean
 * schedules the checks, logs and counts the transitions, and evicts the pool of a replica that went down.
 *
 * <p>Each server is checked by its own task on its own monitoring connection, opened outside the pools (so a
 * full pool does not blind the monitor) with connect/login/socket timeouts (so a hung replica costs one
 * timeout). The tasks run on threads from the server's {@link ManagedThreadFactory}, not on the shared managed
 * scheduler: a check that waits out its timeout must not delay the pool monitor or other scheduled work, nor
 * wait behind it.
 */
@ApplicationScoped
public class ReplicaMonitor {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class.getName());

    @Inject
    RoutingSettings settings;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedThreadFactory threads;

    private final AtomicBoolean started = new AtomicBoolean();
    private ReplicaChecker checker;
    private ScheduledThreadPoolExecutor executor;
    private volatile boolean primaryWarned;

    @PostConstruct
    void init() {
        List<Route> replicas = settings.replicas();
        executor = new ScheduledThreadPoolExecutor(1 + replicas.size(), threads);
        executor.setRemoveOnCancelPolicy(true);
        Map<Route, ReplicaChecker.Opener> openers = new EnumMap<>(Route.class);
        openers.put(Route.PRIMARY, () -> open(Route.PRIMARY));
        replicas.forEach(r -> openers.put(r, () -> open(r)));
        checker = new ReplicaChecker(replicas, openers, executor, () -> settings.checkTimeout().toMillis(),
                () -> settings.maxLag().toNanos(), () -> settings.rejoinAfter().toNanos());
        replicas.forEach(this::registerMetrics);
        // First round before the application serves: the replicas that answer join at once.
        CompletableFuture.runAsync(this::checkPrimary, executor).join();
        CompletableFuture.allOf(replicas.stream()
                .map(r -> CompletableFuture.runAsync(() -> checkReplica(r), executor))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Schedules the checks when the application starts (rather than on first use of the router). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!started.compareAndSet(false, true)) {
            return; // fired once per module of the EAR
        }
        long interval = settings.checkInterval().toNanos();
        executor.scheduleWithFixedDelay(this::checkPrimary, interval, interval, TimeUnit.NANOSECONDS);
        for (Route r : checker.replicas()) {
            executor.scheduleWithFixedDelay(() -> checkReplica(r), interval, interval, TimeUnit.NANOSECONDS);
        }
        LOG.info(() -> "replica monitor: " + checker.replicas() + " every " + settings.checkInterval().toMillis()
                + " ms, max lag " + settings.maxLag().toMillis() + " ms, rejoin after "
                + settings.rejoinAfter().toMillis() + " ms; in rotation: " + inRotation());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        checker.close();
    }

    /** The decision core, fed by this monitor. */
    public ReadRouter router() {
        return checker.router();
    }

    /** The configured replicas' rotation states. */
    public List<ReplicaRotation> replicas() {
        return checker.router().replicas();
    }

    public ReplicaRotation rotation(Route replica) {
        return checker.rotation(replica);
    }

    /** The primary's latest sampled LSN. */
    public long primaryLsn() {
        return checker.primaryLsn();
    }

    /** How long ago the primary was first seen at or past {@code position}; 0 if not yet (from the cached samples). */
    public long positionAgeNanos(long position) {
        return checker.positionAgeNanos(position);
    }

    /** Why the latest primary sample failed, {@code null} when it succeeded. */
    public String primaryError() {
        return checker.primaryError();
    }

    public List<Route> inRotation() {
        return replicas().stream().filter(ReplicaRotation::inRotation).map(ReplicaRotation::route).toList();
    }

    /** The check interval in force. */
    public Duration checkInterval() {
        return settings.checkInterval();
    }

    /**
     * A read on {@code replica} failed at the connection level: take it out now (the monitor would notice only
     * at its next check) and drop its pool's connections, which are as dead as the one that failed.
     */
    public void reportFailure(Route replica, Throwable failure) {
        ReplicaChecker.Outcome outcome = checker.reportFailure(replica, failure);
        if (outcome != null) {
            afterTransition(outcome);
        }
    }

    private void checkPrimary() {
        String error = checker.checkPrimary();
        if (error != null && !primaryWarned) {
            if (error.startsWith(Route.PRIMARY.poolName() + ": TLS to ")) {
                // the primary will refuse every connection until the setting is fixed: say so, once, in one line
                LOG.severe("database TLS: " + error);
            } else {
                LOG.warning("replica monitor: primary position unavailable (lag cannot grow meanwhile): " + error);
            }
        }
        primaryWarned = error != null;
    }

    private void checkReplica(Route replica) {
        try {
            afterTransition(checker.checkReplica(replica));
        } catch (RuntimeException e) { // e.g. a malformed live setting: keep checking
            LOG.log(Level.WARNING, "replica monitor: check of " + replica.unitName() + " failed: " + e.getMessage());
        }
    }

    private void afterTransition(ReplicaChecker.Outcome outcome) {
        ReplicaRotation rotation = outcome.rotation();
        String replica = rotation.route().unitName();
        if (outcome.transition() == ReplicaRotation.Transition.LEFT) {
            String reason = rotation.state() == ReplicaRotation.State.OUT_LAG ? "lag" : "down";
            exits(replica, reason).inc();
            LOG.warning(() -> "replica " + replica + " left the read rotation: " + rotation.outCause()
                    + "; reads go to " + (inRotation().isEmpty() ? "the primary" : inRotation()));
        } else if (outcome.transition() == ReplicaRotation.Transition.JOINED) {
            metrics.counter("muejam_db_replica_rotation_entries_total", new Tag("replica", replica)).inc();
            LOG.info(() -> "replica " + replica + " is in the read rotation");
        }
        if (rotation.state() == ReplicaRotation.State.OUT_DOWN && outcome.before() != ReplicaRotation.State.OUT_DOWN) {
            // callers blocked on a hung server's sockets fail (and are retried on the primary) instead of hanging,
            // and the pool starts afresh when the server is back
            PoolAccess.evictAll(rotation.route().jndiName());
        }
    }

    private Counter exits(String replica, String reason) {
        return metrics.counter("muejam_db_replica_rotation_exits_total", new Tag("replica", replica), new Tag("reason", reason));
    }

    /**
     * A monitoring connection outside the pool: the pool's driver, URL and credentials, its own name in
     * {@code pg_stat_activity}, and connect/login/socket timeouts (whole seconds for the driver) so that even
     * opening it cannot hang; once open, each round trip has the millisecond network timeout.
     */
    private Connection open(Route route) throws SQLException {
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
        ReplicaRotation r = checker.rotation(replica);
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
}
