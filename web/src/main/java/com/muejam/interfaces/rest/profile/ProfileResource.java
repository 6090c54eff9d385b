package com.muejam.interfaces.rest.profile;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.muejam.application.NotFoundException;
import com.muejam.application.profile.ProfileService;
import com.muejam.domain.profile.UserProfile;

/** Profiles: read by username. Profiles are created by sign-up ({@code POST /api/auth/signup}). */
@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    /** Same rule as the {@code user_profiles_username_format} check constraint. */
    static final String USERNAME = "^[A-Za-z0-9_.-]{3,50}$";

    public record ProfileView(long id, String username, String displayName, OffsetDateTime createdAt) {
        static ProfileView of(UserProfile p) {
            return new ProfileView(p.getId(), p.getUsername(), p.getDisplayName(), p.getCreatedAt());
        }
    }

    @Inject
    ProfileService profiles;

    @GET
    @Path("/{username}")
    public ProfileView get(@PathParam("username") @Pattern(regexp = USERNAME) String username) {
        return profiles.byUsername(username).map(ProfileView::of)
                .orElseThrow(() -> new NotFoundException("profile", username));
    }
}
