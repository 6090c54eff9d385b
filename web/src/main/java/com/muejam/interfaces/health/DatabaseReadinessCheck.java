package com.muejam.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.muejam.application.operations.DatabaseReadiness;

/**
 * The data tier's readiness: served by {@link HealthServlet} at {@code /health/ready}, and by the server's own
 * MicroProfile Health where it collects checks from EAR modules.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    DatabaseReadiness database;

    @Override
    public HealthCheckResponse call() {
        return database.check();
    }
}
