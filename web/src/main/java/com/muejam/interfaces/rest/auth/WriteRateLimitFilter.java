package com.muejam.interfaces.rest.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import com.muejam.application.security.WriteRateLimits;

/**
 * Applies {@link WriteRateLimited} limits: after authentication (so a signed-in caller is counted by user id,
 * anyone else by {@link ClientAddress}) and before the resource method; over the limit the request ends with
 * 429, {@code Retry-After} and a problem ({@code RateLimitExceededException}'s mapper). The counting itself is the
 * application's ({@link WriteRateLimits}).
 */
@Provider
@WriteRateLimited
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class WriteRateLimitFilter implements ContainerRequestFilter {

    @Inject
    WriteRateLimits limits;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddress clientAddress;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        WriteRateLimited spec = resource.getResourceMethod().getAnnotation(WriteRateLimited.class);
        if (spec == null) {
            spec = resource.getResourceClass().getAnnotation(WriteRateLimited.class);
        }
        String name = spec == null ? "write" : spec.value();
        Long userId = currentUser.optional().map(u -> u.userId()).orElse(null);
        limits.hit(name, userId, userId == null ? clientAddress.of(servletRequest) : null);
    }
}
