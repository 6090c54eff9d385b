package com.muejam.interfaces.rest.story;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.metrics.annotation.Counted;

import com.muejam.application.NotFoundException;
import com.muejam.application.story.StoryService;

/** Stories: created on the primary, read through the read route (a replica when one is enabled and healthy). */
@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoryResource {

    @Context
    UriInfo uriInfo;

    @Inject
    StoryService stories;

    @POST
    @Counted(name = "muejam_stories_created_total", absolute = true,
            description = "Stories created through the API")
    public Response create(@NotNull @Valid StoryDtos.CreateStory request) {
        var story = stories.create(request.authorId(), request.title(), request.body(), request.nsfw());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(story.getId())).build())
                .entity(StoryDtos.StoryView.of(story)).build();
    }

    @GET
    @Path("/{id}")
    @Counted(name = "muejam_story_reads_total", absolute = true, description = "Single-story reads through the API")
    public StoryDtos.StoryView get(@PathParam("id") @Positive long id) {
        return stories.find(id).map(StoryDtos.StoryView::of).orElseThrow(() -> new NotFoundException("story", id));
    }

    /** An author's stories, newest first; {@code before} is the last id of the previous page (keyset pagination). */
    @GET
    public List<StoryDtos.StoryView> byAuthor(@QueryParam("author") @NotNull @Positive Long authorId,
            @QueryParam("before") @Positive Long before,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(StoryService.MAX_PAGE_SIZE) int limit) {
        return stories.byAuthor(authorId, before, limit).stream().map(StoryDtos.StoryView::of).toList();
    }
}
