package com.muejam.interfaces.rest.privacy;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.muejam.application.privacy.BlockEntry;
import com.muejam.application.privacy.BlockResult;
import com.muejam.application.privacy.BlockService;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;
import com.muejam.interfaces.rest.paging.Page;
import com.muejam.interfaces.rest.paging.PageCursors;

/**
 * The caller's blocks (401 anonymous). {@code POST /api/blocks/{username}}: 201 when the block is new, 200 when it
 * already existed (idempotent), 400 for yourself, 404 for an unknown user. {@code DELETE}: 204 whether or not a
 * block existed, 404 for an unknown user. {@code GET}: newest block first, keyset-paged by the block's id.
 */
@Path("/blocks")
@Produces(MediaType.APPLICATION_JSON)
public class BlockResource {

    /** Same rule as the {@code user_profiles_username_format} check constraint. */
    static final String USERNAME = "^[A-Za-z0-9_.-]{3,50}$";

    public record BlockView(long userId, String username, boolean created) {
        static BlockView of(BlockResult r) {
            return new BlockView(r.userId(), r.username(), r.changed());
        }
    }

    public record BlockedView(long userId, String username, OffsetDateTime blockedAt) {
        static BlockedView of(BlockEntry e) {
            return new BlockedView(e.userId(), e.username(), e.blockedAt());
        }
    }

    @Inject
    BlockService blocks;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/{username}")
    @WriteRateLimited("blocks.block")
    public Response block(@PathParam("username") @Pattern(regexp = USERNAME) String username) {
        BlockResult r = blocks.block(currentUser.id(), username);
        return Response.status(r.changed() ? Response.Status.CREATED : Response.Status.OK)
                .entity(BlockView.of(r)).build();
    }

    @DELETE
    @Path("/{username}")
    @WriteRateLimited("blocks.unblock")
    public Response unblock(@PathParam("username") @Pattern(regexp = USERNAME) String username) {
        blocks.unblock(currentUser.id(), username);
        return Response.noContent().build();
    }

    @GET
    public Page<BlockedView> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(BlockService.MAX_PAGE_SIZE) int limit) {
        var rows = blocks.blockList(currentUser.id(), PageCursors.idBefore(cursor), limit);
        return PageCursors.page(rows, limit, BlockedView::of, e -> PageCursors.id(e.id()));
    }
}
