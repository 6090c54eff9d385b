package com.muejam.interfaces.rest.profile;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.muejam.application.NotFoundException;
import com.muejam.application.privacy.ProfileViews;
import com.muejam.application.profile.ProfileService;
import com.muejam.application.security.AuthenticatedUser;
import com.muejam.domain.profile.UserProfile;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;
import com.muejam.interfaces.rest.paging.Page;
import com.muejam.interfaces.rest.paging.PageCursors;

/**
 * Profiles. {@code GET /{username}} shows a profile its privacy settings let the caller see (else 404, so a hidden
 * profile's existence is not revealed); {@code GET/PUT /me} is the caller's own; {@code GET ?prefix=} searches
 * usernames. {@code me} cannot clash with a username (at least three characters). Profiles are created by sign-up
 * ({@code POST /api/auth/signup}).
 */
@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    /** Same rule as the {@code user_profiles_username_format} check constraint. */
    static final String USERNAME = "^[A-Za-z0-9_.-]{3,50}$";
    /** A username prefix: the username alphabet, at least one character. */
    static final String PREFIX = "^[A-Za-z0-9_.-]{1,50}$";
    static final int MAX_BIO = 2000;

    /**
     * The editable part of a profile; PUT replaces both. {@code displayName} must be present (blank clears it), so
     * an empty or mistyped body ({@code {}}, unknown fields only) is a 400 instead of wiping the profile; an absent
     * or null {@code bio} clears the bio.
     */
    public record UpdateProfile(@NotNull(message = "required (blank clears it)") @Size(max = 100) String displayName,
            @Size(max = MAX_BIO) String bio) {
    }

    public record ProfileView(long id, String username, String displayName, String bio, OffsetDateTime createdAt) {
        static ProfileView of(UserProfile p) {
            return new ProfileView(p.getId(), p.getUsername(), p.getDisplayName(), p.getBio(), p.getCreatedAt());
        }
    }

    public record ProfileSummary(long id, String username, String displayName) {
        static ProfileSummary of(UserProfile p) {
            return new ProfileSummary(p.getId(), p.getUsername(), p.getDisplayName());
        }
    }

    @Inject
    ProfileService profiles;

    @Inject
    ProfileViews views;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/{username}")
    public ProfileView get(@PathParam("username") @Pattern(regexp = USERNAME) String username) {
        var viewer = currentUser.optional();
        return views.visibleTo(username, viewer.map(AuthenticatedUser::userId).orElse(0L),
                        viewer.map(AuthenticatedUser::isModerator).orElse(false))
                .map(ProfileView::of)
                .orElseThrow(() -> new NotFoundException("profile", username));
    }

    @GET
    @Path("/me")
    public ProfileView me() {
        long me = currentUser.id();
        return profiles.byId(me).map(ProfileView::of).orElseThrow(() -> new NotFoundException("profile", me));
    }

    @PUT
    @Path("/me")
    @WriteRateLimited("profile.update")
    public ProfileView update(@NotNull @Valid UpdateProfile request) {
        long me = currentUser.id();
        return ProfileView.of(profiles.updateOwn(me, request.displayName(), request.bio()));
    }

    /**
     * Usernames starting with {@code prefix}, ignoring case, in lower-case order. Profiles the caller may not see
     * are left out, so a page can hold fewer than {@code limit} items: continue while {@code next} is present.
     */
    @GET
    public Page<ProfileSummary> search(@QueryParam("prefix") @NotNull @Pattern(regexp = PREFIX) String prefix,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(ProfileService.MAX_PAGE_SIZE) int limit) {
        var viewer = currentUser.optional();
        var page = views.search(prefix, PageCursors.nameAfter(cursor), limit,
                viewer.map(AuthenticatedUser::userId).orElse(0L),
                viewer.map(AuthenticatedUser::isModerator).orElse(false));
        return new Page<>(page.items().stream().map(ProfileSummary::of).toList(),
                page.next() == null ? null : PageCursors.name(page.next()));
    }
}
