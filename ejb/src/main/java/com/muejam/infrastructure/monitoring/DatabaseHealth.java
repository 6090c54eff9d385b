package com.muejam.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import com.muejam.infrastructure.pools.PoolMonitor;
import com.muejam.infrastructure.pools.PoolSnapshot;
import com.muejam.infrastructure.routing.Route;
import com.muejam.infrastructure.routing.RoutingPolicy;

/**
 * Readiness: the primary pool must answer and must not be in recovery. The replica pool is reported
 * (reachable, in recovery) but does not make the application unready: reads fall back to the primary.
 * Each pool is reported with its live figures, "degraded" while its utilisation alert is raised.
 */
@ApplicationScoped
public class DatabaseHealth {

    @Inject
    DatabaseProbe probe;

    @Inject
    RoutingPolicy routing;

    @Inject
    PoolMonitor pools;

    /** Checks the pools now; the web module exposes this as a MicroProfile readiness check. */
    public HealthCheckResponse check() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("database");
        boolean up = true;
        try {
            DatabaseProbe.ServerIdentity primary = probe.identify(Route.PRIMARY);
            builder.withData("primary", "up").withData("primary_in_recovery", primary.inRecovery());
            up = !primary.inRecovery();
        } catch (RuntimeException e) {
            builder.withData("primary", "down: " + rootMessage(e));
            up = false;
        }
        builder.withData("use_read_replica", routing.replicasEnabled());
        try {
            DatabaseProbe.ServerIdentity replica = probe.identify(Route.REPLICA);
            builder.withData("replica", "up").withData("replica_in_recovery", replica.inRecovery());
        } catch (RuntimeException e) {
            builder.withData("replica", "down: " + rootMessage(e));
        }
        for (PoolSnapshot pool : pools.snapshots()) {
            builder.withData(pool.pool() + "_pool", String.format("%s: %d active, %d idle, %d waiting, max %d",
                    pools.isAlerting(pool.pool()) ? "degraded" : "ok",
                    pool.active(), pool.available(), pool.awaiting(), pool.maxSize()));
        }
        return builder.status(up).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
