package com.muejam.interfaces.rest.security;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.muejam.application.security.AccountService;
import com.muejam.application.security.TwoFactorService;
import com.muejam.interfaces.rest.auth.ClientAddress;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;

/**
 * TOTP two-factor authentication of the caller: {@code setup} (a new secret, not yet in force), {@code enable}
 * (proves the authenticator with a code; returns the backup codes once), {@code disable} (a code, a backup code
 * or the password). Once enabled, {@code POST /api/auth/login} needs {@code totp} or {@code backupCode}.
 */
@Path("/2fa")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TwoFactorResource {

    @Inject
    TwoFactorService twoFactor;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest servletRequest;

    @GET
    public SecurityDtos.TwoFactorStatus status() {
        var s = twoFactor.status(currentUser.id());
        return new SecurityDtos.TwoFactorStatus(s.enabled(), s.pending(), s.backupCodesLeft());
    }

    /** 200 with the secret and URI; 409 when two-factor is already enabled. Calling it again replaces the secret. */
    @POST
    @Path("/setup")
    @WriteRateLimited("2fa.setup")
    public SecurityDtos.TwoFactorSetup setup() {
        var setup = twoFactor.setup(currentUser.id());
        return new SecurityDtos.TwoFactorSetup(setup.secret(), setup.otpauthUri());
    }

    /** 200 with ten backup codes; 400 naming {@code code} when it is not current; 409 without a pending setup. */
    @POST
    @Path("/enable")
    @WriteRateLimited("2fa.enable")
    public SecurityDtos.BackupCodes enable(@NotNull @Valid SecurityDtos.Enable request) {
        return new SecurityDtos.BackupCodes(twoFactor.enable(currentUser.id(), request.code()));
    }

    /**
     * 204; 400 naming the field that is wrong or missing; 409 when two-factor is not enabled; 429 with
     * {@code Retry-After} (problem type {@code .../login-throttled}) once failed checks fill the sign-in counters of
     * this user from this address (a wrong code or password here counts like a failed sign-in).
     */
    @POST
    @Path("/disable")
    @WriteRateLimited("2fa.disable")
    public Response disable(@NotNull @Valid SecurityDtos.Disable request) {
        var user = currentUser.require();
        accounts.disableSecondFactor(user.userId(), user.username(), request.code(),
                request.password() == null ? null : request.password().toCharArray(), clientAddress.of(servletRequest));
        return Response.noContent().build();
    }
}
