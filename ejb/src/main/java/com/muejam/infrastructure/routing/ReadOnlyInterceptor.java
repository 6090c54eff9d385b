package com.muejam.infrastructure.routing;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Routes {@link ReadOnly} calls. It runs before the transaction interceptor ({@code PLATFORM_BEFORE + 200}) so
 * the route is fixed before any transaction or connection exists.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadOnlyInterceptor {

    @Inject
    RoutingPolicy policy;

    @Inject
    MetricRegistry metrics;

    @AroundInvoke
    public Object route(InvocationContext invocation) throws Exception {
        if (RouteContext.isReadOnly()) {
            return invocation.proceed(); // nested: the outermost read-only call already decided
        }
        RoutingPolicy.Fallback fallback = policy.fallbackForRead();
        Route route = fallback == null ? Route.REPLICA : Route.PRIMARY;
        metrics.counter("muejam_db_reads_total", new Tag("target", route.unitName())).inc();
        if (fallback != null && fallback != RoutingPolicy.Fallback.DISABLED) {
            metrics.counter("muejam_db_read_fallbacks_total", new Tag("reason", fallback.name().toLowerCase())).inc();
        }
        RouteContext.push(route);
        try {
            return invocation.proceed();
        } finally {
            RouteContext.pop();
        }
    }
}
