package com.muejam.interfaces.rest.moderation;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import com.muejam.application.moderation.Decision;
import com.muejam.application.moderation.ModerationService;
import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.moderation.ContentFlag;
import com.muejam.domain.moderation.FlagReason;
import com.muejam.domain.moderation.ModerationAction;
import com.muejam.interfaces.rest.auth.ClientAddress;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;
import com.muejam.interfaces.rest.paging.Page;
import com.muejam.interfaces.rest.paging.PageCursors;

/**
 * The moderators' API: every method starts with {@link CurrentUser#requireModerator()} (401 anonymous, 403 for a
 * user). Lists are keyset pages ({@code limit} 1..100, default 20; {@code cursor} = the previous page's
 * {@code next}).
 */
@Path("/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModerationResource {

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest servletRequest;

    /** Pending flags, oldest first; {@code reason} narrows to one reason's queue. */
    @GET
    @Path("/queue")
    public Page<ModerationDtos.FlagView> queue(
            @QueryParam("reason") @Pattern(regexp = ModerationDtos.REASONS) String reason,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(ModerationService.MAX_PAGE_SIZE) int limit) {
        currentUser.requireModerator();
        var rows = moderation.queue(reason == null ? null : FlagReason.valueOf(reason),
                PageCursors.time(cursor, TimeCursor.oldestFirst()), limit);
        return PageCursors.page(rows, limit, ModerationDtos.FlagView::of, ModerationResource::byCreation);
    }

    @GET
    @Path("/flags/{id}")
    public ModerationDtos.FlagView flag(@PathParam("id") @Positive long id) {
        currentUser.requireModerator();
        return ModerationDtos.FlagView.of(moderation.flag(id));
    }

    /** Decides a pending flag: {@code resolve}, {@code dismiss} or {@code remove_content}; 409 if already decided. */
    @POST
    @Path("/flags/{id}/actions")
    @WriteRateLimited("moderation.decide")
    public ModerationDtos.DecisionView decide(@PathParam("id") @Positive long id,
            @NotNull @Valid ModerationDtos.DecisionRequest request) {
        long moderator = currentUser.requireModerator().userId();
        return ModerationDtos.DecisionView.of(moderation.decide(moderator, id, Decision.valueOf(request.action()),
                request.note(), clientAddress.of(servletRequest)));
    }

    /** Every flag about a story or profile, newest first (decided ones too). */
    @GET
    @Path("/targets/{type}/{id}/flags")
    public Page<ModerationDtos.FlagView> targetFlags(
            @PathParam("type") @Pattern(regexp = ModerationDtos.TARGET_TYPES) String type,
            @PathParam("id") @Positive long id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(ModerationService.MAX_PAGE_SIZE) int limit) {
        currentUser.requireModerator();
        var rows = moderation.flagsFor(TargetType.valueOf(type), id, PageCursors.time(cursor, TimeCursor.newestFirst()),
                limit);
        return PageCursors.page(rows, limit, ModerationDtos.FlagView::of, ModerationResource::byCreation);
    }

    /** Actions taken against a story or profile, newest first. */
    @GET
    @Path("/targets/{type}/{id}/actions")
    public Page<ModerationDtos.ActionView> targetActions(
            @PathParam("type") @Pattern(regexp = ModerationDtos.TARGET_TYPES) String type,
            @PathParam("id") @Positive long id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(ModerationService.MAX_PAGE_SIZE) int limit) {
        currentUser.requireModerator();
        var rows = moderation.actionsAgainst(TargetType.valueOf(type), id,
                PageCursors.time(cursor, TimeCursor.newestFirst()), limit);
        return PageCursors.page(rows, limit, ModerationDtos.ActionView::of, ModerationResource::actionTime);
    }

    /** One moderator's actions, newest first; {@code moderator} defaults to the caller. */
    @GET
    @Path("/actions")
    public Page<ModerationDtos.ActionView> actions(
            @QueryParam("moderator") @Positive Long moderator,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(ModerationService.MAX_PAGE_SIZE) int limit) {
        long caller = currentUser.requireModerator().userId();
        var rows = moderation.actionsBy(moderator == null ? caller : moderator,
                PageCursors.time(cursor, TimeCursor.newestFirst()), limit);
        return PageCursors.page(rows, limit, ModerationDtos.ActionView::of, ModerationResource::actionTime);
    }

    private static String byCreation(ContentFlag f) {
        return PageCursors.time(f.getCreatedAt(), f.getId());
    }

    private static String actionTime(ModerationAction a) {
        return PageCursors.time(a.getCreatedAt(), a.getId());
    }
}
