package com.muejam.infrastructure.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Statement timings and the slow query log. Every statement is timed into {@value #TIMER}{pool}
 * ({@code muejam_db_work_seconds} in Prometheus text, with p50/p95/p99 and buckets). The slow query log: a statement that took at least {@code DB_SLOW_QUERY_MS} (100) is logged with its SQL
 * shape (no bound values), its pool and its duration, and counted in {@code muejam_db_slow_queries_total{pool}} (pool = primary, replica, replica2).
 * The log line is written once per execution, except that a shape already logged in the last
 * {@code DB_SLOW_QUERY_LOG_INTERVAL_S} (60) seconds is only counted, and the next line for it says how many
 * were not logged: a slow database must not also flood the log.
 */
@ApplicationScoped
public class SlowQueryLog {

    private static final Logger LOG = Logger.getLogger(SlowQueryLog.class.getName());
    private static volatile long thresholdNanos = TimeUnit.MILLISECONDS.toNanos(100);
    private static volatile SlowQueryLog active;
    private static final int MAX_SHAPES = 10_000;

    @Inject
    @ConfigProperty(name = "DB_SLOW_QUERY_MS", defaultValue = "100")
    long thresholdMillis;

    @Inject
    @ConfigProperty(name = "DB_SLOW_QUERY_LOG_INTERVAL_S", defaultValue = "60")
    long logIntervalSeconds;

    @Inject
    MetricRegistry metrics;

    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** The statement timer's name. */
    public static final String TIMER = "muejam_db_work";
    private static final Metadata TIMER_METADATA = Metadata.builder().withName(TIMER).withUnit(MetricUnits.SECONDS)
            .withDescription("Statement execution and result reading, by pool (primary, replica, replica2)").build();

    private static final class Shape {
        final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong unlogged = new AtomicLong();
    }

    @PostConstruct
    void init() {
        thresholdNanos = TimeUnit.MILLISECONDS.toNanos(thresholdMillis);
        active = this;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // instantiates the bean at startup so that the listener has somewhere to report to
    }

    @PreDestroy
    void stop() {
        if (active == this) {
            active = null;
        }
    }

    static long thresholdNanos() {
        return thresholdNanos;
    }

    static void report(String pool, String label, String shape, long nanos) {
        SlowQueryLog log = active;
        if (log != null) {
            log.record(pool, label, shape, nanos);
        } else {
            LOG.warning(String.format("slow query on %s: %d ms: %s", pool, TimeUnit.NANOSECONDS.toMillis(nanos), shape));
        }
    }

    /** One statement on the pool labelled {@code label} took {@code nanos}. */
    static void timed(String label, long nanos) {
        SlowQueryLog log = active;
        if (log != null) {
            log.timers.computeIfAbsent(label, l -> log.metrics.timer(TIMER_METADATA, new Tag("pool", l)))
                    .update(Duration.ofNanos(nanos));
        }
    }

    void record(String pool, String label, String shape, long nanos) {
        metrics.counter("muejam_db_slow_queries_total", new Tag("pool", label)).inc();
        if (shapes.size() > MAX_SHAPES) {
            shapes.clear(); // bounded memory; at worst a shape is logged again early
        }
        Shape s = shapes.computeIfAbsent(pool + '\u0000' + shape, k -> new Shape());
        long now = System.nanoTime();
        long last = s.lastLogged.get();
        if (last != Long.MIN_VALUE && now - last < TimeUnit.SECONDS.toNanos(logIntervalSeconds)) {
            s.unlogged.incrementAndGet();
            return;
        }
        if (!s.lastLogged.compareAndSet(last, now)) {
            s.unlogged.incrementAndGet();
            return;
        }
        long skipped = s.unlogged.getAndSet(0);
        LOG.warning(String.format("slow query on %s: %d ms (threshold %d ms)%s: %s", pool,
                TimeUnit.NANOSECONDS.toMillis(nanos), thresholdMillis,
                skipped == 0 ? "" : "; " + skipped + " more of this shape since the last report", shape));
    }
}
