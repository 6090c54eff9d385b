package com.muejam.interfaces.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.muejam.interfaces.health.HealthReport;
import com.muejam.interfaces.rest.MueJamApplication;
import com.muejam.interfaces.rest.auth.CurrentUser;

/**
 * The status page's data, for moderators (the platform's operators): 401 without a bearer token, 403 for other
 * users, both as problem+json. Never cached: every answer is read from the registry at that moment.
 */
@Path("/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MueJamApplication.BEARER)
public class StatusResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    CurrentUser user;

    @Inject
    StatusFigures figures;

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @GET
    @Operation(summary = "Pools, cache, replicas, slow queries and request latency now, with breached thresholds")
    public Response status() {
        user.requireModerator();
        return Response.ok(figures.snapshot()).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("/health")
    @Operation(summary = "Every health check with its detail: pool figures, replica lag and rotation, database errors")
    public Response health() {
        user.requireModerator();
        HealthReport report = HealthReport.of(checks);
        JsonObject body = report.detailedJson();
        return Response.status(report.up() ? 200 : 503).entity(body).cacheControl(NO_STORE).build();
    }
}
