package com.muejam.interfaces.rest.consistency;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import com.muejam.application.operations.ReadConsistency;

/**
 * The read-your-writes contract over HTTP. A response whose request committed a write (or carried a token)
 * has the header {@value #HEADER} with a PostgreSQL WAL position ({@code 0/3000148}); a client that sends that
 * header back on a later request has its reads served by a replica only once that replica has replayed the
 * position, and by the primary until then. Clients keep the last value they received and send it on every
 * request; the value is opaque to them. A malformed value is ignored (the request is served without the
 * guarantee rather than refused). The tracking itself is the application's {@link ReadConsistency}.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.HEADER_DECORATOR)
public class ConsistencyTokenFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "MueJam-Consistency";

    @Inject
    ReadConsistency readConsistency;

    @Override
    public void filter(ContainerRequestContext request) {
        readConsistency.requireToken(request.getHeaderString(HEADER));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        readConsistency.token().ifPresent(token -> response.getHeaders().putSingle(HEADER, token));
    }
}
