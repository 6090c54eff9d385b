package com.muejam.interfaces.rest.story;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.muejam.application.InvalidInputException;
import com.muejam.application.security.AuthenticatedUser;
import com.muejam.application.story.StoryReader;
import com.muejam.application.story.StoryService;
import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.story.Genre;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.paging.Page;
import com.muejam.interfaces.rest.paging.PageCursors;
import com.muejam.interfaces.rest.story.StoryDtos.StorySummary;

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
    public Page<StorySummary> newest(@QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        var rows = reader.newest(viewer(), PageCursors.time(cursor, TimeCursor.newestFirst()), limit);
        return PageCursors.page(rows, limit, StorySummary::of, StoryDtos::byPublication);
    }

    /** Featured stories, newest publication first. */
    @GET
    @Path("/featured")
    public Page<StorySummary> featured(@QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        var rows = reader.featured(viewer(), PageCursors.time(cursor, TimeCursor.newestFirst()), limit);
        return PageCursors.page(rows, limit, StorySummary::of, StoryDtos::byPublication);
    }

    /** Most liked first (ties: newest id first). */
    @GET
    @Path("/popular")
    public Page<StorySummary> popular(@QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        var rows = reader.popular(viewer(), PageCursors.count(cursor, CountCursor.highestFirst()), limit);
        return PageCursors.page(rows, limit, StorySummary::of, StoryDtos::byLikes);
    }

    /** Most read (viewed) first (ties: newest id first). */
    @GET
    @Path("/most-read")
    public Page<StorySummary> mostRead(@QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        var rows = reader.mostRead(viewer(), PageCursors.count(cursor, CountCursor.highestFirst()), limit);
        return PageCursors.page(rows, limit, StorySummary::of, StoryDtos::byViews);
    }

    /** Most recently updated first. */
    @GET
    @Path("/recently-updated")
    public Page<StorySummary> recentlyUpdated(@QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        var rows = reader.recentlyUpdated(viewer(), PageCursors.time(cursor, TimeCursor.newestFirst()), limit);
        return PageCursors.page(rows, limit, StorySummary::of, StoryDtos::byUpdate);
    }

    /** One genre, newest publication first; an unknown genre is a 400 naming {@code genre}. */
    @GET
    @Path("/genre/{genre}")
    public Page<StorySummary> genre(@PathParam("genre") String genre, @QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        Genre g = genreOf(genre);
        var rows = reader.genre(viewer(), g, PageCursors.time(cursor, TimeCursor.newestFirst()), limit);
        return PageCursors.page(rows, limit, StorySummary::of, StoryDtos::byPublication);
    }

    private static Genre genreOf(String name) {
        for (Genre g : Genre.values()) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new InvalidInputException("genre", "must be one of " + Arrays.stream(Genre.values())
                .map(Genre::name).collect(Collectors.joining(", ")));
    }

    private long viewer() {
        return currentUser.optional().map(AuthenticatedUser::userId).orElse(0L);
    }
}
