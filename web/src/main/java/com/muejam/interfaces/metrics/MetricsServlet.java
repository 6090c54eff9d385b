package com.muejam.interfaces.metrics;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.smallrye.metrics.MetricsRequestHandler;

/**
 * Serves MicroProfile Metrics as Prometheus text at {@code /metrics} ({@code /metrics?scope=application},
 * {@code /metrics/base}). WildFly 39 has no MicroProfile Metrics subsystem, so the EAR bundles SmallRye
 * Metrics and this servlet exposes it; on a server that serves {@code /metrics} itself this servlet is not
 * needed.
 */
@WebServlet(urlPatterns = {"/metrics", "/metrics/*"})
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
}
