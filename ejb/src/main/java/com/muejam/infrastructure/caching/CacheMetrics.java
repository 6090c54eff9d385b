package com.muejam.infrastructure.caching;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import com.muejam.cache.BreakerState;
import com.muejam.cache.CacheStatistics;
import com.muejam.application.caching.Regions;
import com.muejam.cache.TwoTierCacheManager;

/**
 * Publishes the cache's own statistics as MicroProfile Metrics gauges: hits and misses per tier and region,
 * hit rate, loads, evictions, invalidations, L2 errors and the L2 breaker state (0 closed, 1 half-open, 2 open).
 */
@ApplicationScoped
public class CacheMetrics {

    @Inject
    @AppCache
    TwoTierCacheManager cache;

    @Inject
    MetricRegistry metrics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (String region : Regions.PRESETS) {
            Tag r = new Tag("region", region);
            gauge("muejam_cache_hits", region, s -> s.l1Hits(), r, new Tag("tier", "l1"));
            gauge("muejam_cache_misses", region, s -> s.l1Misses(), r, new Tag("tier", "l1"));
            gauge("muejam_cache_hits", region, s -> s.l2Hits(), r, new Tag("tier", "l2"));
            gauge("muejam_cache_misses", region, s -> s.l2Misses(), r, new Tag("tier", "l2"));
            gauge("muejam_cache_hit_ratio", region, CacheStatistics::hitRate, r);
            gauge("muejam_cache_loads", region, s -> s.loads(), r);
            gauge("muejam_cache_evictions", region, s -> s.l1Evictions(), r);
            gauge("muejam_cache_l1_size", region, s -> s.l1Size(), r);
            gauge("muejam_cache_invalidations_received", region, s -> s.invalidationsReceived(), r);
            gauge("muejam_cache_l2_errors", region, s -> s.l2Errors(), r);
        }
        metrics.gauge("muejam_cache_l2_breaker_state", cache, c -> breaker(c.l2State()));
    }

    /** A cached query went past the cache because the caller must see a very recent write (see {@link ReadFreshness}). */
    void bypassed() {
        metrics.counter("muejam_cache_bypass_total", new Tag("reason", "read_your_writes")).inc();
    }

    private void gauge(String name, String region, ToDoubleFunction<CacheStatistics> value, Tag... tags) {
        metrics.gauge(name, cache, c -> value.applyAsDouble(c.queryCache().statistics(region)), tags);
    }

    private static double breaker(BreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }
}
