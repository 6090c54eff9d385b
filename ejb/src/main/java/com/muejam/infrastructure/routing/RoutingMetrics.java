package com.muejam.infrastructure.routing;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Read counters: {@code muejam_db_reads_total{target}} per serving database and
 * {@code muejam_db_read_fallbacks_total{reason}} per reason a read-only call went to the primary. Resolved once,
 * so counting a read is two increments, not two registry look-ups.
 */
@ApplicationScoped
public class RoutingMetrics {

    @Inject
    MetricRegistry metrics;

    private final Map<Route, Counter> reads = new EnumMap<>(Route.class);
    private final Map<Fallback, Counter> fallbacks = new EnumMap<>(Fallback.class);

    @PostConstruct
    void register() {
        for (Route r : Route.values()) {
            reads.put(r, metrics.counter("muejam_db_reads_total", new Tag("target", r.unitName())));
        }
        for (Fallback f : Fallback.values()) {
            if (f != Fallback.DISABLED) {
                fallbacks.put(f, metrics.counter("muejam_db_read_fallbacks_total", new Tag("reason", f.label())));
            }
        }
    }

    /** One read-only call served by {@code route}, for {@code fallback} when that is the primary. */
    public void read(Route route, Fallback fallback) {
        reads.get(route).inc();
        if (fallback != null && fallback != Fallback.DISABLED) {
            fallbacks.get(fallback).inc();
        }
    }
}
