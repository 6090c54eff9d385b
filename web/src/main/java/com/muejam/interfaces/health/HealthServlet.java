package com.muejam.interfaces.health;

import java.io.IOException;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The application's MicroProfile health checks in the MicroProfile Health wire format, at
 * {@code /health}, {@code /health/ready} and {@code /health/live} of the application's HTTP port: 200 when all
 * are UP, 503 otherwise. WildFly's own {@code /health} (management port) does not collect checks from an EAR's
 * sub-deployments (WFLY-12835), so the application serves its checks itself; the checks stay standard
 * {@code @Readiness}/{@code @Liveness} beans that a server supporting them also picks up.
 * <p>
 * This answer is public (load balancers poll it), so it says UP or DOWN per check and nothing else: no exception
 * text, host names, pool figures or WAL positions. Operators get the detail at {@code /api/status/health}.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Any
    Instance<HealthCheck> all;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Instance<HealthCheck> checks = switch (path) {
            case "", "/" -> all;
            case "/ready" -> readiness;
            case "/live" -> liveness;
            default -> null;
        };
        if (checks == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HealthReport report = HealthReport.of(checks);
        response.setStatus(report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(report.publicJson().toString());
    }
}
