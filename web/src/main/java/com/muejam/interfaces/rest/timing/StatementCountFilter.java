package com.muejam.interfaces.rest.timing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.Config;

import com.muejam.application.operations.StatementCounter;

/**
 * With {@code STATEMENT_COUNT_HEADER=true} (off by default; the in-container tests turn it on), every API response
 * carries {@value #HEADER}: the number of SQL statements the request executed ({@link StatementCounter}, read on
 * the request's thread before matching and when the response filters run; commits happen before then). It is how
 * the tests prove that a list costs the same statements whatever its page size. {@value #LOG_HEADER} lists their
 * shapes (literals masked), to say which statements a count saw.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(2)
public class StatementCountFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "MueJam-Statements";
    public static final String LOG_HEADER = "MueJam-Statement-Log";
    private static final String STARTED = StatementCountFilter.class.getName() + ".started";

    @Inject
    Config config;

    @Inject
    StatementCounter statements;

    @Override
    public void filter(ContainerRequestContext request) {
        if (config.getOptionalValue("STATEMENT_COUNT_HEADER", Boolean.class).orElse(false)) {
            request.setProperty(STARTED, statements.onThisThread());
            statements.record();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long before) {
            response.getHeaders().putSingle(HEADER, String.valueOf(statements.onThisThread() - before));
            // the statements' shapes (literals masked; single line), for a test's failure message
            response.getHeaders().putSingle(LOG_HEADER, String.join(" | ", statements.recorded())
                    .replaceAll("[\\r\\n]", " "));
        }
    }
}
