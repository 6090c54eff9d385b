package com.muejam.interfaces.rest.story;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.muejam.application.security.AuthenticatedUser;
import com.muejam.application.story.StoryReader;
import com.muejam.application.story.StoryService;
import com.muejam.interfaces.rest.auth.CurrentUser;

/**
 * Discovery feeds of published stories, keyset-paged ({@code limit} 1..100, {@code cursor} = a page's
 * {@code next}). NSFW stories only for signed-in readers whose privacy settings allow them (never for anonymous
 * readers); stories of authors in a block relation with the reader (either direction) never.
 */
@Path("/discover")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    @Inject
    StoryReader reader;

    @Inject
    CurrentUser currentUser;

    /** Newest publication first. */
    @GET
    @Path("/newest")
    public StoryDtos.StoryPage newest(@QueryParam(Cursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        return StoryPages.of(reader.newest(viewer(), Cursors.time(cursor), limit), limit, Cursors::byPublication);
    }

    /** Featured stories, newest publication first. */
    @GET
    @Path("/featured")
    public StoryDtos.StoryPage featured(@QueryParam(Cursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        return StoryPages.of(reader.featured(viewer(), Cursors.time(cursor), limit), limit, Cursors::byPublication);
    }

    /** Most liked first (ties: newest id first). */
    @GET
    @Path("/popular")
    public StoryDtos.StoryPage popular(@QueryParam(Cursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        return StoryPages.of(reader.popular(viewer(), Cursors.count(cursor), limit), limit, Cursors::byLikes);
    }

    private long viewer() {
        return currentUser.optional().map(AuthenticatedUser::userId).orElse(0L);
    }
}
