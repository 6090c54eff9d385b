package com.muejam.interfaces.health;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The application's MicroProfile health checks in the MicroProfile Health wire format, at
 * {@code /health}, {@code /health/ready} and {@code /health/live} of the application's HTTP port: 200 when all
 * are UP, 503 otherwise. WildFly's own {@code /health} (management port) does not collect checks from an EAR's
 * sub-deployments (WFLY-12835), so the application serves its checks itself; the checks stay standard
 * {@code @Readiness}/{@code @Liveness} beans that a server supporting them also picks up.
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
        List<HealthCheckResponse> results = checks.stream().map(HealthServlet::call).toList();
        boolean up = results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
        JsonArrayBuilder array = Json.createArrayBuilder();
        results.forEach(r -> array.add(toJson(r)));
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                .add("checks", array).build().toString());
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private static JsonObjectBuilder toJson(HealthCheckResponse r) {
        JsonObjectBuilder check = Json.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name());
        r.getData().filter(d -> !d.isEmpty()).ifPresent(data -> {
            JsonObjectBuilder d = Json.createObjectBuilder();
            for (Map.Entry<String, Object> e : data.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Boolean b) {
                    d.add(e.getKey(), b);
                } else if (v instanceof Number n) {
                    d.add(e.getKey(), n.longValue());
                } else {
                    d.add(e.getKey(), String.valueOf(v));
                }
            }
            check.add("data", d);
        });
        return check;
    }
}
