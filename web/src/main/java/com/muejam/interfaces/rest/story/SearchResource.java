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

import com.muejam.application.InvalidInputException;
import com.muejam.application.security.AuthenticatedUser;
import com.muejam.application.story.StoryReader;
import com.muejam.application.story.StoryService;
import com.muejam.domain.TimeCursor;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.paging.Page;
import com.muejam.interfaces.rest.paging.PageCursors;
import com.muejam.interfaces.rest.story.StoryDtos.StorySummary;

/**
 * Story search: published stories whose title holds every word of {@code q} (whole words, case-insensitive,
 * PostgreSQL full-text with the {@code simple} configuration over the GIN index {@code stories_title_search_idx}),
 * newest match first, keyset-paged like the discovery feeds and under the same visibility rules (NSFW setting,
 * blocks in either direction, deleted stories never). Results are cached in the {@code search_results} region and
 * dropped at the commit of any story change.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** Longest accepted query, in characters (a title is at most {@value StoryDtos#MAX_TITLE}). */
    public static final int MAX_QUERY = 200;

    @Inject
    StoryReader reader;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/stories")
    public Page<StorySummary> stories(@QueryParam("q") String q, @QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        String terms = terms(q);
        long viewer = currentUser.optional().map(AuthenticatedUser::userId).orElse(0L);
        TimeCursor before = PageCursors.time(cursor, TimeCursor.newestFirst());
        return PageCursors.page(reader.search(viewer, terms, before, limit), limit, StorySummary::of,
                StoryDtos::byPublication);
    }

    /**
     * The query as searched: trimmed, runs of white space as one space (so equal searches share a cache entry).
     * Absent, blank, longer than {@link #MAX_QUERY} or holding control characters (PostgreSQL text cannot hold
     * NUL) is a 400 naming {@code q}.
     */
    static String terms(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", "must not be blank");
        }
        if (q.length() > MAX_QUERY) {
            throw new InvalidInputException("q", "must be at most " + MAX_QUERY + " characters");
        }
        if (q.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new InvalidInputException("q", "must not contain control characters");
        }
        return q.strip().replaceAll("\\s+", " ");
    }
}
