package com.muejam.interfaces.rest.profile;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.muejam.application.NotFoundException;
import com.muejam.application.profile.ProfileService;
import com.muejam.domain.profile.UserProfile;

/** Profiles: enough for authors to exist; the full profile API comes with the platform API. */
@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    /** Same rule as the {@code user_profiles_username_format} check constraint. */
    static final String USERNAME = "^[A-Za-z0-9_.-]{3,50}$";

    public record CreateProfile(@NotNull @Pattern(regexp = USERNAME) String username,
            @Size(max = 100) String displayName) {
    }

    public record ProfileView(long id, String username, String displayName, OffsetDateTime createdAt) {
        static ProfileView of(UserProfile p) {
            return new ProfileView(p.getId(), p.getUsername(), p.getDisplayName(), p.getCreatedAt());
        }
    }

    @Context
    UriInfo uriInfo;

    @Inject
    ProfileService profiles;

    @POST
    public Response create(@NotNull @Valid CreateProfile request) {
        UserProfile p = profiles.create(request.username(), request.displayName());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(p.getUsername()).build())
                .entity(ProfileView.of(p)).build();
    }

    @GET
    @Path("/{username}")
    public ProfileView get(@PathParam("username") @Pattern(regexp = USERNAME) String username) {
        return profiles.byUsername(username).map(ProfileView::of)
                .orElseThrow(() -> new NotFoundException("profile", username));
    }
}
