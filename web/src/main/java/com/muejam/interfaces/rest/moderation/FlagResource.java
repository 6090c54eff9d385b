package com.muejam.interfaces.rest.moderation;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.muejam.application.moderation.ModerationService;
import com.muejam.domain.TargetType;
import com.muejam.domain.moderation.ContentFlag;
import com.muejam.domain.moderation.FlagReason;
import com.muejam.interfaces.rest.auth.ClientAddress;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;

/**
 * Flagging: {@code POST /api/flags {targetType, targetId, reason, details?}} by any signed-in user. 201 with the
 * flag; 404 when the target does not exist (or the story is deleted); 409 when the caller already has a pending
 * flag on it (one per reporter and target: a second report adds nothing to the queue).
 */
@Path("/flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FlagResource {

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddress clientAddress;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @WriteRateLimited("moderation.flag")
    public Response flag(@NotNull @Valid ModerationDtos.FlagRequest request) {
        long reporter = currentUser.id();
        ContentFlag flag = moderation.flag(reporter, TargetType.valueOf(request.targetType()), request.targetId(),
                FlagReason.valueOf(request.reason()), request.details(), clientAddress.of(servletRequest));
        return Response.created(uriInfo.getBaseUriBuilder().path("moderation/flags").path(String.valueOf(flag.getId()))
                .build()).entity(ModerationDtos.FlagView.of(flag)).build();
    }
}
