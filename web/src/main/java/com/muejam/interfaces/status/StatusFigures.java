package com.muejam.interfaces.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Reads a {@link StatusSnapshot} from the application's metric registry: the very series {@code /metrics} serves,
 * so the page and a Prometheus scrape never disagree, and the page needs no access to the pools or the replica
 * monitor of its own.
 */
@ApplicationScoped
public class StatusFigures {

    static final String REQUEST_TIMER = "muejam_http_request";
    private static final int ROUTES_SHOWN = 12;

    @Inject
    MetricRegistry metrics;

    public StatusSnapshot snapshot() {
        Map<MetricID, Metric> all = metrics.getMetrics();
        Series s = new Series(all);
        List<StatusSnapshot.Pool> pools = new ArrayList<>();
        for (String pool : s.tagValues("muejam_pool_max_size", "pool")) {
            pools.add(new StatusSnapshot.Pool(pool, s.gaugeLong("muejam_pool_active_connections", "pool", pool),
                    s.gaugeLong("muejam_pool_available_connections", "pool", pool),
                    s.gaugeLong("muejam_pool_awaiting_threads", "pool", pool),
                    s.gaugeLong("muejam_pool_max_size", "pool", pool),
                    s.gauge("muejam_pool_utilisation_ratio", "pool", pool).orElse(null),
                    s.counter("muejam_pool_acquisition_timeouts_total", "pool", pool)));
        }
        List<StatusSnapshot.Replica> replicas = new ArrayList<>();
        for (String replica : s.tagValues("muejam_db_replica_in_rotation", "replica")) {
            replicas.add(new StatusSnapshot.Replica(replica,
                    s.gauge("muejam_db_replica_reachable", "replica", replica).orElse(0.0) == 1.0,
                    s.gauge("muejam_db_replica_in_rotation", "replica", replica).orElse(0.0) == 1.0,
                    s.gauge("muejam_db_replica_lag_seconds", "replica", replica).orElse(null),
                    s.gauge("muejam_db_replica_lag_bytes", "replica", replica).map(Double::longValue).orElse(null)));
        }
        List<StatusSnapshot.Region> regions = new ArrayList<>();
        for (String region : s.tagValues("muejam_cache_hit_ratio", "region")) {
            regions.add(new StatusSnapshot.Region(region,
                    s.gaugeLong("muejam_cache_hits", "region", region, "tier", "l1"),
                    s.gaugeLong("muejam_cache_misses", "region", region, "tier", "l1"),
                    s.gaugeLong("muejam_cache_hits", "region", region, "tier", "l2"),
                    s.gaugeLong("muejam_cache_misses", "region", region, "tier", "l2"),
                    s.gaugeLong("muejam_cache_hits", "region", region, "tier", "l1")
                            + s.gaugeLong("muejam_cache_misses", "region", region, "tier", "l1") == 0 ? null
                            : s.gauge("muejam_cache_hit_ratio", "region", region).orElse(null),
                    s.gaugeLong("muejam_cache_invalidations_received", "region", region)));
        }
        String breaker = switch (s.gauge("muejam_cache_l2_breaker_state").map(Double::intValue).orElse(0)) {
            case 1 -> "HALF_OPEN";
            case 2 -> "OPEN";
            default -> "CLOSED";
        };
        StatusSnapshot.Cache cache = new StatusSnapshot.Cache(breaker,
                s.counter("muejam_cache_invalidations_after_commit_total"), regions);
        List<StatusSnapshot.PoolCount> slowByPool = new ArrayList<>();
        for (String pool : s.tagValues("muejam_db_slow_queries_total", "pool")) {
            slowByPool.add(new StatusSnapshot.PoolCount(pool, s.counter("muejam_db_slow_queries_total", "pool", pool)));
        }
        StatusSnapshot.SlowQueries slow = new StatusSnapshot.SlowQueries(
                slowByPool.stream().mapToLong(StatusSnapshot.PoolCount::count).sum(), slowByPool);
        List<StatusSnapshot.Route> routes = routes(all);
        long count = routes.stream().mapToLong(StatusSnapshot.Route::count).sum();
        long errors = routes.stream().filter(r -> r.status().equals("5xx")).mapToLong(StatusSnapshot.Route::count).sum();
        StatusSnapshot.Requests requests = new StatusSnapshot.Requests(count, errors, buckets(all));
        return new StatusSnapshot(System.currentTimeMillis(), pools, replicas, cache, slow, requests,
                routes.subList(0, Math.min(ROUTES_SHOWN, routes.size())), List.of()).withFlags();
    }

    /** Every timed route, slowest p95 first; percentiles of the timer's recent window, in seconds. */
    private static List<StatusSnapshot.Route> routes(Map<MetricID, Metric> all) {
        List<StatusSnapshot.Route> routes = new ArrayList<>();
        all.forEach((id, metric) -> {
            if (id.getName().equals(REQUEST_TIMER) && metric instanceof Timer timer) {
                Map<String, String> tags = id.getTags();
                Snapshot snapshot = timer.getSnapshot();
                routes.add(new StatusSnapshot.Route(tags.getOrDefault("method", "?"), tags.getOrDefault("route", "?"),
                        tags.getOrDefault("status", "?"), timer.getCount(), percentile(snapshot, 0.5),
                        percentile(snapshot, 0.95), percentile(snapshot, 0.99)));
            }
        });
        routes.sort(Comparator.comparing((StatusSnapshot.Route r) -> r.p95Seconds() == null ? -1 : r.p95Seconds())
                .reversed().thenComparing(StatusSnapshot.Route::route));
        return routes;
    }

    /** The request timers' histogram buckets summed over every route (all timers share the configured bounds). */
    private static List<StatusSnapshot.Bucket> buckets(Map<MetricID, Metric> all) {
        java.util.TreeMap<Double, Long> sums = new java.util.TreeMap<>();
        all.forEach((id, metric) -> {
            if (id.getName().equals(REQUEST_TIMER) && metric instanceof Timer timer) {
                for (Snapshot.HistogramBucket b : timer.getSnapshot().bucketValues()) {
                    sums.merge(b.getBucket() / 1e9, b.getCount(), Long::sum); // bounds in nanoseconds
                }
            }
        });
        return sums.entrySet().stream().map(e -> new StatusSnapshot.Bucket(e.getKey(), e.getValue())).toList();
    }

    /** A timer's percentile in seconds (snapshots hold nanoseconds); null when the window is empty. */
    static Double percentile(Snapshot snapshot, double p) {
        if (snapshot.size() == 0) {
            return null;
        }
        for (Snapshot.PercentileValue v : snapshot.percentileValues()) {
            if (Math.abs(v.getPercentile() - p) < 1e-9) {
                return v.getValue() / 1e9;
            }
        }
        return null;
    }

    /** Lookups of one registry's series by name and tags. */
    private record Series(Map<MetricID, Metric> all) {

        TreeSet<String> tagValues(String name, String tag) {
            TreeSet<String> values = new TreeSet<>();
            all.keySet().stream().filter(id -> id.getName().equals(name) && id.getTags().containsKey(tag))
                    .forEach(id -> values.add(id.getTags().get(tag)));
            return values;
        }

        Optional<Metric> find(String name, String... tags) {
            Predicate<MetricID> matches = id -> {
                if (!id.getName().equals(name)) {
                    return false;
                }
                for (int i = 0; i + 1 < tags.length; i += 2) {
                    if (!tags[i + 1].equals(id.getTags().get(tags[i]))) {
                        return false;
                    }
                }
                return true;
            };
            return all.entrySet().stream().filter(e -> matches.test(e.getKey())).map(Map.Entry::getValue).findFirst();
        }

        Optional<Double> gauge(String name, String... tags) {
            return find(name, tags).filter(Gauge.class::isInstance).map(m -> ((Gauge<?>) m).getValue())
                    .map(Number::doubleValue).filter(v -> !v.isNaN() && !v.isInfinite());
        }

        long gaugeLong(String name, String... tags) {
            return gauge(name, tags).map(Double::longValue).orElse(0L);
        }

        long counter(String name, String... tags) {
            return find(name, tags).filter(Counter.class::isInstance).map(m -> ((Counter) m).getCount()).orElse(0L);
        }
    }
}
