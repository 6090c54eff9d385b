package com.muejam.infrastructure.pools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Watches every container-managed pool: live figures as gauges, and an alert when utilisation (active / max)
 * crosses {@code DB_POOL_ALERT_UTILISATION} (0.8). The alert clears only below the threshold minus
 * {@code DB_POOL_ALERT_HYSTERESIS} (0.1), so a pool hovering at the threshold logs one WARN, not a stream.
 */
@ApplicationScoped
public class PoolMonitor {

    private static final Logger LOG = Logger.getLogger(PoolMonitor.class.getName());

    /** Every pool this application may use: metric/health name → JNDI name. */
    public static final Map<String, String> POOLS = Map.of(
            "primary", "java:jboss/datasources/PrimaryDS",
            "replica", "java:jboss/datasources/ReplicaDS",
            "replica2", "java:jboss/datasources/ReplicaDS2");

    /** The second replica's pool is watched only when that replica is configured (it is unused otherwise). */
    @Inject
    @ConfigProperty(name = "DB_READ_HOST_2")
    Optional<String> secondReplicaHost;

    @Inject
    @ConfigProperty(name = "DB_READ_PORT_2")
    Optional<String> secondReplicaPort;

    @Inject
    @ConfigProperty(name = "DB_POOL_ALERT_UTILISATION", defaultValue = "0.8")
    double alertAt;

    @Inject
    @ConfigProperty(name = "DB_POOL_ALERT_HYSTERESIS", defaultValue = "0.1")
    double hysteresis;

    @Inject
    @ConfigProperty(name = "DB_POOL_MONITOR_INTERVAL_MS", defaultValue = "1000")
    long intervalMs;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final PoolStatistics statistics = AgroalPoolStatistics.available()
            ? new AgroalPoolStatistics() : (pool, jndi) -> Optional.empty();
    private final Map<String, Boolean> alerting = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!started.compareAndSet(false, true)) {
            return; // the event is fired once per module of the EAR
        }
        pools().keySet().forEach(this::registerGauges);
        task = scheduler.scheduleWithFixedDelay(this::check, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** The pools in use: primary, replica, and replica2 when DB_READ_HOST_2 or DB_READ_PORT_2 is set. */
    public Map<String, String> pools() {
        boolean second = secondReplicaHost.filter(v -> !v.isBlank()).isPresent()
                || secondReplicaPort.filter(v -> !v.isBlank()).isPresent();
        Map<String, String> pools = new TreeMap<>(POOLS);
        if (!second) {
            pools.remove("replica2");
        }
        return pools;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** A live reading of one pool (read now, not from the last check). */
    public Optional<PoolSnapshot> snapshot(String pool) {
        String jndi = pools().get(pool);
        return jndi == null ? Optional.empty() : statistics.read(pool, jndi);
    }

    public List<PoolSnapshot> snapshots() {
        return pools().keySet().stream().map(this::snapshot).flatMap(Optional::stream).toList();
    }

    /**
     * A caller got no connection from {@code pool} (metric name: primary, replica, replica2) within the
     * acquisition timeout: counted in {@code muejam_pool_acquisition_timeouts_total{pool}}.
     */
    public void acquisitionTimedOut(String pool) {
        metrics.counter("muejam_pool_acquisition_timeouts_total", new Tag("pool", pool)).inc();
    }

    /** Whether the pool is above the alert threshold (with hysteresis), as of the last check. */
    public boolean isAlerting(String pool) {
        return alerting.getOrDefault(pool, false);
    }

    /** One periodic check; also callable directly. */
    public void check() {
        for (PoolSnapshot s : snapshots()) {
            boolean was = isAlerting(s.pool());
            double u = s.utilisation();
            if (!was && u >= alertAt) {
                alerting.put(s.pool(), true);
                LOG.warning(String.format("connection pool %s at %.0f%% (%d of %d in use, %d waiting)",
                        s.pool(), u * 100, s.active(), s.maxSize(), s.awaiting()));
            } else if (was && u < alertAt - hysteresis) {
                alerting.put(s.pool(), false);
                LOG.info(String.format("connection pool %s back to %.0f%%", s.pool(), u * 100));
            }
        }
    }

    private void registerGauges(String pool) {
        Tag tag = new Tag("pool", pool);
        gauge("muejam_pool_active_connections", pool, tag, s -> s.active());
        gauge("muejam_pool_available_connections", pool, tag, s -> s.available());
        gauge("muejam_pool_awaiting_threads", pool, tag, s -> s.awaiting());
        gauge("muejam_pool_max_used_connections", pool, tag, s -> s.maxUsed());
        gauge("muejam_pool_leaked_connections", pool, tag, s -> s.leaks());
        gauge("muejam_pool_max_size", pool, tag, s -> s.maxSize());
        gauge("muejam_pool_blocking_time_average_ms", pool, tag, s -> s.blockingTimeAverage().toMillis());
        gauge("muejam_pool_blocking_time_max_ms", pool, tag, s -> s.blockingTimeMax().toMillis());
        gauge("muejam_pool_utilisation_ratio", pool, tag, PoolSnapshot::utilisation);
        metrics.counter("muejam_pool_acquisition_timeouts_total", tag);
        metrics.gauge("muejam_pool_alert", this, m -> m.isAlerting(pool) ? 1 : 0, tag);
    }

    private void gauge(String name, String pool, Tag tag, java.util.function.ToDoubleFunction<PoolSnapshot> value) {
        metrics.gauge(name, this, m -> m.snapshot(pool).map(value::applyAsDouble).orElse(Double.NaN), tag);
    }
}
