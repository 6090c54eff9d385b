package com.muejam.interfaces.rest.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import com.muejam.application.operations.ReadConsistency;
import com.muejam.application.security.AuthenticatedUser;
import com.muejam.application.security.SessionService;

/**
 * Resolves {@code Authorization: Bearer <token>} through the sessions (cached per token hash, see
 * {@link SessionService}). No header: the request is anonymous and resources decide. A header that is not a
 * valid, active bearer token: 401 at once, whatever the resource (a client holding a revoked token must learn it).
 * A signed-in request's reads see that user's own recent commits from any node and device ({@link ReadConsistency}).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    ReadConsistency readConsistency;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new NotAuthorizedException("only bearer tokens are accepted", CurrentUser.CHALLENGE);
        }
        String token = header.substring(BEARER.length()).trim();
        AuthenticatedUser user = sessions.authenticate(token).orElseThrow(
                () -> new NotAuthorizedException("the bearer token is not valid (unknown, expired or revoked)",
                        CurrentUser.CHALLENGE));
        currentUser.set(user);
        readConsistency.forUser(user.userId());
    }
}
