package com.muejam.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import com.muejam.application.operations.DatabaseReadiness;
import com.muejam.infrastructure.pools.PoolMonitor;
import com.muejam.infrastructure.pools.PoolSnapshot;
import com.muejam.infrastructure.routing.DatabaseTls;
import com.muejam.infrastructure.routing.Lsn;
import com.muejam.infrastructure.routing.ReplicaMonitor;
import com.muejam.infrastructure.routing.ReplicaObservation;
import com.muejam.infrastructure.routing.ReplicaRotation;
import com.muejam.infrastructure.routing.Route;
import com.muejam.infrastructure.routing.RoutingPolicy;

/**
 * Readiness: the primary pool must answer and must not be in recovery. The replicas are reported (reachable,
 * in recovery, lag, in or out of the read rotation and why) from the replica monitor's latest check, not by a
 * query of their own: a hung replica must not hang the health check, and it does not make the application
 * unready since reads fall back to the primary. Each pool is reported with its live figures, "degraded" while
 * its utilisation alert is raised. The application's {@link DatabaseReadiness}.
 */
@ApplicationScoped
public class DatabaseHealth implements DatabaseReadiness {

    @Inject
    DatabaseProbe probe;

    @Inject
    RoutingPolicy routing;

    @Inject
    ReplicaMonitor replicas;

    @Inject
    PoolMonitor pools;

    /** Checks the pools now; the web module exposes this as a MicroProfile readiness check. */
    @Override
    public HealthCheckResponse check() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("database");
        boolean up = true;
        try {
            DatabaseProbe.ServerIdentity primary = probe.identify(Route.PRIMARY);
            builder.withData("primary", "up").withData("primary_in_recovery", primary.inRecovery());
            up = !primary.inRecovery();
        } catch (RuntimeException e) {
            builder.withData("primary", "down: " + DatabaseTls.explain(Route.PRIMARY, e).orElseGet(() -> rootMessage(e)));
            up = false;
        }
        builder.withData("use_read_replica", routing.replicasEnabled());
        builder.withData("primary_lsn", Lsn.format(replicas.primaryLsn()));
        for (ReplicaRotation r : replicas.replicas()) {
            String name = r.route().unitName();
            ReplicaObservation o = r.lastObservation();
            if (o == null) {
                builder.withData(name, "not checked yet");
            } else if (!o.reachable()) {
                builder.withData(name, "down: " + o.error());
            } else {
                builder.withData(name, "up").withData(name + "_in_recovery", o.inRecovery())
                        .withData(name + "_lag_ms", o.lagNanos() / 1_000_000)
                        .withData(name + "_lag_bytes", o.lagBytes())
                        .withData(name + "_replay_lsn", Lsn.format(o.replayLsn()));
            }
            builder.withData(name + "_rotation", r.inRotation() ? "in" : "out: " + r.outCause());
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
