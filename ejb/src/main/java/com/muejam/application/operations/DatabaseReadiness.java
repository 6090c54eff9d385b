package com.muejam.application.operations;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the data tier can serve: the primary answers and is not in recovery. The response also reports the
 * replicas, the read rotation and every pool's live figures. Implemented by the infrastructure's monitoring;
 * the web layer exposes it as a readiness check.
 */
public interface DatabaseReadiness {

    /** Checks now; never waits on a hung replica. */
    HealthCheckResponse check();
}
