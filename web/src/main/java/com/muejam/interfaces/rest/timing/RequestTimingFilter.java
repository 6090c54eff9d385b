package com.muejam.interfaces.rest.timing;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Times every API request into the timer {@value #TIMER} ({@code muejam_http_request_seconds} in Prometheus text:
 * p50/p95/p99 quantiles and histogram buckets, see {@code microprofile-config.properties}), tagged by route template
 * ({@code GET /api/stories/{id}}, never the raw path, so the series stay few) and status class ({@code 2xx}...).
 * Requests that match no resource are counted under the route {@code unmatched}. The clock starts before matching
 * and stops when the response filters run, so authentication, rate limits and exception mapping are included.
 * One map lookup per request on a warm node; {@code METRICS_HTTP_TIMING=false} switches it off live.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(1) // first in, last out: around every other filter
public class RequestTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String TIMER = "muejam_http_request";
    private static final String STARTED = RequestTimingFilter.class.getName() + ".started";

    @Inject
    MetricRegistry metrics;

    @Inject
    Config config;

    @Context
    ResourceInfo resource;

    private final Map<Method, String> routes = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Metadata metadata = Metadata.builder().withName(TIMER).withUnit(MetricUnits.SECONDS)
            .withDescription("API request latency by route template, method and status class").build();

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled()) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long t0)) {
            return;
        }
        long nanos = System.nanoTime() - t0;
        Method method = resource.getResourceMethod();
        String route = method == null ? "unmatched"
                : routes.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
        String status = statusClass(response.getStatus());
        String key = request.getMethod() + ' ' + route + ' ' + status;
        timers.computeIfAbsent(key, k -> metrics.timer(metadata, new Tag("method", request.getMethod()),
                new Tag("route", route), new Tag("status", status))).update(Duration.ofNanos(nanos));
    }

    private boolean enabled() {
        return config.getOptionalValue("METRICS_HTTP_TIMING", Boolean.class).orElse(true);
    }

    /** {@code /api} + the class's and the method's {@link Path}, normalised to single slashes. */
    static String template(Class<?> type, Method method) {
        StringBuilder path = new StringBuilder("/api");
        Path onClass = type == null ? null : type.getAnnotation(Path.class);
        Path onMethod = method.getAnnotation(Path.class);
        for (Path p : new Path[] {onClass, onMethod}) {
            if (p != null && !p.value().isEmpty()) {
                path.append('/').append(p.value());
            }
        }
        return path.toString().replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
    }

    static String statusClass(int status) {
        return status < 100 || status > 599 ? "other" : (status / 100) + "xx";
    }
}
