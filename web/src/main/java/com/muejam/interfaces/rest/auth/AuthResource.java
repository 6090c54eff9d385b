package com.muejam.interfaces.rest.auth;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.muejam.application.security.AccountService;
import com.muejam.application.security.SessionService;

/** Sign-up and sign-in. A successful sign-in returns a bearer token, shown once; the server keeps only its hash. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpHeaders headers;

    @Inject
    ClientAddress clientAddress;

    @Inject
    SessionService sessions;

    @POST
    @Path("/signup")
    @WriteRateLimited("auth.signup")
    public Response signUp(@NotNull @Valid AuthDtos.SignUp request) {
        var profile = accounts.signUp(request.username(), request.password().toCharArray(), request.displayName());
        return Response.created(uriInfo.getBaseUriBuilder().path("profiles").path(profile.getUsername()).build())
                .entity(new AuthDtos.Account(profile.getId(), profile.getUsername(), profile.getDisplayName())).build();
    }

    /**
     * Sign-in. 429 with {@code Retry-After} while the username or the address is throttled after failures; 401
     * with the problem type {@code .../second-factor-required} when the account needs {@code totp} or
     * {@code backupCode}.
     */
    @POST
    @Path("/login")
    @WriteRateLimited("auth.login")
    public AuthDtos.Session login(@NotNull @Valid AuthDtos.SignIn request) {
        var signIn = accounts.signIn(request.username(), request.password().toCharArray(), request.totp(),
                request.backupCode(), clientAddress.of(servletRequest), userAgent());
        return new AuthDtos.Session(signIn.token(), signIn.expiresAt(), signIn.userId(), signIn.username());
    }

    /** Signs the current session out: its token stops working at once, on every node. 204. */
    @POST
    @Path("/logout")
    public Response logout() {
        var user = currentUser.require();
        sessions.revoke(user.userId(), user.sessionId());
        return Response.noContent().build();
    }

    /** Who the bearer token belongs to (401 without one). */
    @GET
    @Path("/me")
    public AuthDtos.Me me() {
        var user = currentUser.require();
        return new AuthDtos.Me(user.userId(), user.username(), user.role().name());
    }

    private String userAgent() {
        String ua = headers.getHeaderString(HttpHeaders.USER_AGENT);
        return ua == null ? null : ua.substring(0, Math.min(ua.length(), 300));
    }
}
