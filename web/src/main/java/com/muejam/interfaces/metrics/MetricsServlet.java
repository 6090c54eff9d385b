package com.muejam.interfaces.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;

import com.muejam.application.security.AuthenticatedUser;
import com.muejam.application.security.SessionService;

import io.smallrye.metrics.MetricsRequestHandler;

/**
 * Serves MicroProfile Metrics as Prometheus text at {@code /metrics} ({@code /metrics?scope=application},
 * {@code /metrics/base}). WildFly 39 has no MicroProfile Metrics subsystem, so the EAR bundles SmallRye
 * Metrics and this servlet exposes it; on a server that serves {@code /metrics} itself this servlet is not
 * needed.
 * <p>
 * {@code METRICS_PUBLIC} (default {@code true}, read per request so it can change live) decides who may scrape:
 * {@code true} serves everyone, as scrapers usually reach the application on a private interface;
 * {@code false} asks for a moderator's bearer token (401/403 as problem+json otherwise), for a port that the
 * public can reach.
 */
@WebServlet(urlPatterns = {"/metrics", "/metrics/*"})
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";

    @Inject
    Config config;

    @Inject
    SessionService sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!config.getOptionalValue("METRICS_PUBLIC", Boolean.class).orElse(true) && !allowed(request, response)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, String[]> parameters = request.getParameterMap();
        new MetricsRequestHandler().handleRequest(path, "/metrics", request.getMethod(),
                Collections.list(request.getHeaders("Accept")).stream(), parameters,
                (status, message, headers) -> {
                    response.setStatus(status);
                    headers.forEach(response::setHeader);
                    response.getWriter().write(message);
                });
    }

    /** A moderator's bearer token; otherwise answers 401 or 403 and returns false. */
    private boolean allowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        Optional<AuthenticatedUser> user = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? sessions.authenticate(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"muejam\"");
            problem(response, 401, "Unauthorized", "metrics are not public here (METRICS_PUBLIC=false): send a moderator's bearer token");
            return false;
        }
        if (!user.get().isModerator()) {
            problem(response, 403, "Forbidden", "moderator role required");
            return false;
        }
        return true;
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        // bytes, not the writer: the media type stays exactly application/problem+json (JSON is UTF-8)
        response.setContentType("application/problem+json");
        response.getOutputStream().write(Json.createObjectBuilder().add("type", "about:blank").add("title", title)
                .add("status", status).add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8));
    }
}
