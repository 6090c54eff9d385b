package com.muejam.interfaces.rest.story;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.metrics.annotation.Counted;

import com.muejam.application.security.AuthenticatedUser;
import com.muejam.application.story.StaleStoryException;
import com.muejam.application.story.StoryReader;
import com.muejam.application.story.StoryService;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.story.Story;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;
import com.muejam.interfaces.rest.paging.Page;
import com.muejam.interfaces.rest.paging.PageCursors;
import com.muejam.interfaces.rest.story.StoryDtos.StorySummary;

/**
 * Stories. Writes need a signed-in user (401 otherwise) and are the author's (403 for others), except featuring
 * (moderators) and deleting (author or moderator). Reads serve anyone what they may see, and answer 404 for the
 * rest (see {@link StoryReader}). Single stories carry their version as a strong {@code ETag}; {@code PATCH} with
 * {@code If-Match} applies only to that version (412 otherwise).
 */
@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoryResource {

    @Context
    UriInfo uriInfo;

    @Inject
    StoryService stories;

    @Inject
    StoryReader reader;

    @Inject
    CurrentUser currentUser;

    /** A new draft by the signed-in user. */
    @POST
    @WriteRateLimited("story.create")
    @Counted(name = "muejam_stories_created_total", absolute = true,
            description = "Stories created through the API")
    public Response create(@NotNull @Valid StoryDtos.CreateStory request) {
        long author = currentUser.id();
        Story story = stories.create(author, request.title(), request.body(), request.nsfw(),
                StoryDtos.genre(request.genre()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(story.getId())).build())
                .tag(etag(story)).entity(StoryDtos.StoryView.of(story)).build();
    }

    @GET
    @Path("/{id}")
    @Counted(name = "muejam_story_reads_total", absolute = true, description = "Single-story reads through the API")
    public Response get(@PathParam("id") @Positive long id) {
        Story story = reader.get(viewer(), id);
        return Response.ok(StoryDtos.StoryView.of(story)).tag(etag(story)).build();
    }

    /** Changes the given fields of the caller's own story (absent fields stay). */
    @PATCH
    @Path("/{id}")
    @WriteRateLimited("story.edit")
    public Response edit(@PathParam("id") @Positive long id, @NotNull @Valid StoryDtos.EditStory request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long actor = currentUser.id();
        Long ifMatchVersion = ifMatchVersion(ifMatch);
        Long expected = ifMatch != null ? ifMatchVersion : request.version();
        try {
            Story story = stories.edit(actor, id, expected, request.title(), request.body(), request.nsfw(),
                    StoryDtos.genre(request.genre()));
            return Response.ok(StoryDtos.StoryView.of(story)).tag(etag(story)).build();
        } catch (StaleStoryException e) {
            if (ifMatch == null) {
                throw e; // version in the body: 409
            }
            throw new WebApplicationException(Response.status(Response.Status.PRECONDITION_FAILED)
                    .tag(new EntityTag(String.valueOf(e.currentVersion()))).build());
        }
    }

    @POST
    @Path("/{id}/publish")
    @WriteRateLimited("story.publish")
    public Response publish(@PathParam("id") @Positive long id) {
        Story story = stories.publish(currentUser.id(), id);
        return Response.ok(StoryDtos.StoryView.of(story)).tag(etag(story)).build();
    }

    @POST
    @Path("/{id}/feature")
    @WriteRateLimited("story.feature")
    public Response feature(@PathParam("id") @Positive long id) {
        currentUser.requireModerator();
        Story story = stories.setFeatured(id, true);
        return Response.ok(StoryDtos.StoryView.of(story)).tag(etag(story)).build();
    }

    @DELETE
    @Path("/{id}/feature")
    @WriteRateLimited("story.feature")
    public Response unfeature(@PathParam("id") @Positive long id) {
        currentUser.requireModerator();
        Story story = stories.setFeatured(id, false);
        return Response.ok(StoryDtos.StoryView.of(story)).tag(etag(story)).build();
    }

    /** Soft delete, by the author or a moderator; the story is 404 for everyone afterwards. */
    @DELETE
    @Path("/{id}")
    @WriteRateLimited("story.delete")
    public Response delete(@PathParam("id") @Positive long id) {
        AuthenticatedUser user = currentUser.require();
        stories.delete(user.userId(), user.isModerator(), id);
        return Response.noContent().build();
    }

    /**
     * An author's stories, keyset-paged: {@code status=published} (default, anyone; newest publication first) or
     * {@code status=draft} (the author only; most recently edited first). Pass a page's {@code next} back as
     * {@code cursor}.
     */
    @GET
    public Page<StorySummary> byAuthor(@QueryParam("author") @NotNull @Positive Long authorId,
            @QueryParam("status") @DefaultValue("published") @Pattern(regexp = "published|draft",
                    message = "must be published or draft") String status,
            @QueryParam(PageCursors.PARAM) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        TimeCursor before = PageCursors.time(cursor, TimeCursor.newestFirst());
        if ("draft".equals(status)) {
            long viewer = currentUser.id(); // 401 when anonymous
            List<Story> page = reader.draftsByAuthor(viewer, authorId, before, limit);
            return PageCursors.page(page, limit, StorySummary::of, StoryDtos::byUpdate);
        }
        List<Story> page = reader.publishedByAuthor(viewer(), authorId, before, limit);
        return PageCursors.page(page, limit, StorySummary::of, StoryDtos::byPublication);
    }

    private long viewer() {
        return currentUser.optional().map(AuthenticatedUser::userId).orElse(0L);
    }

    static EntityTag etag(Story story) {
        return new EntityTag(String.valueOf(story.getVersion()));
    }

    /** The version named by {@code If-Match} ({@code "3"} or {@code W/"3"}); null for {@code *} or no header. */
    private static Long ifMatchVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L; // matches no version: 412
        }
    }
}
