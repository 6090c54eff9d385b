package com.muejam.infrastructure.routing;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import com.muejam.application.operations.PoolExhaustedException;
import com.muejam.application.routing.ReadOnly;
import com.muejam.infrastructure.pools.PoolExhaustion;

/**
 * Routes {@link ReadOnly} calls. It runs before the transaction interceptor ({@code PLATFORM_BEFORE + 200}) so
 * the route is fixed before any transaction or connection exists. A call that fails on a replica at the
 * connection level (or waits out the replica pool) is run once more on the primary: reads are idempotent, and
 * no request should fail because a replica is slow or gone. The replica leaves the rotation at once.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadOnlyInterceptor {

    private static final Logger LOG = Logger.getLogger(ReadOnlyInterceptor.class.getName());

    @Inject
    RoutingPolicy policy;

    @Inject
    ReplicaMonitor monitor;

    @Inject
    RoutingMetrics metrics;

    @AroundInvoke
    public Object route(InvocationContext invocation) throws Exception {
        if (RouteContext.isReadOnly()) {
            return invocation.proceed(); // nested: the outermost read-only call already decided
        }
        Decision decision = policy.decideForRead();
        count(decision.route(), decision.fallback());
        RouteContext.push(decision.route());
        try {
            return invocation.proceed();
        } catch (Exception e) {
            if (!decision.route().isReplica()) {
                throw named(e, decision.route());
            }
            ReplicaFailures.Kind kind = ReplicaFailures.classify(e);
            if (kind == ReplicaFailures.Kind.OTHER) {
                throw e;
            }
            Fallback reason = kind == ReplicaFailures.Kind.CONNECTION ? Fallback.DOWN : Fallback.POOL_EXHAUSTED;
            if (kind == ReplicaFailures.Kind.CONNECTION) {
                monitor.reportFailure(decision.route(), e);
            }
            LOG.fine(() -> "read on " + decision.route().unitName() + " failed (" + ReplicaFailures.describe(e)
                    + "), retrying on the primary");
            count(Route.PRIMARY, reason);
            RouteContext.replaceTop(Route.PRIMARY);
            try {
                return invocation.proceed();
            } catch (Exception again) {
                throw named(again, Route.PRIMARY);
            }
        } finally {
            RouteContext.pop();
        }
    }

    private void count(Route route, Fallback fallback) {
        metrics.read(route, fallback);
    }

    /** An acquisition timeout leaves as a {@link PoolExhaustedException} naming the pool (the web layer's 503). */
    private static Exception named(Exception e, Route route) {
        if (e instanceof RuntimeException && !(e instanceof PoolExhaustedException) && PoolExhaustion.isAcquisitionTimeout(e)) {
            return new PoolExhaustedException(route.poolName(), e);
        }
        return e;
    }
}
