package com.muejam.interfaces.rest.privacy;

import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.muejam.application.privacy.PrivacyService;
import com.muejam.application.privacy.PrivacyView;
import com.muejam.domain.privacy.ProfileVisibility;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;

/**
 * The caller's privacy settings (401 anonymous). {@code GET} answers the defaults (no NSFW, public profile,
 * messages allowed) until the first {@code PUT}; {@code PUT} replaces all three values, each required.
 */
@Path("/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    static final String VISIBILITIES = "public|followers|private";

    public record PrivacyRequest(@NotNull Boolean showNsfw,
            @NotNull @Pattern(regexp = VISIBILITIES, message = "one of " + VISIBILITIES) String profileVisibility,
            @NotNull Boolean allowMessages) {
    }

    /** {@code updatedAt} is null while the defaults apply. */
    public record PrivacySettingsView(boolean showNsfw, String profileVisibility, boolean allowMessages,
            OffsetDateTime updatedAt) {

        static PrivacySettingsView of(PrivacyView v) {
            return new PrivacySettingsView(v.showNsfw(), v.profileVisibility().dbValue(), v.allowMessages(),
                    v.updatedAt());
        }
    }

    @Inject
    PrivacyService privacy;

    @Inject
    CurrentUser currentUser;

    @GET
    public PrivacySettingsView get() {
        return PrivacySettingsView.of(privacy.settings(currentUser.id()));
    }

    @PUT
    @WriteRateLimited("privacy.update")
    public PrivacySettingsView put(@NotNull @Valid PrivacyRequest request) {
        long me = currentUser.id();
        return PrivacySettingsView.of(privacy.change(me, request.showNsfw(),
                ProfileVisibility.valueOf(request.profileVisibility().toUpperCase(Locale.ROOT)),
                request.allowMessages()));
    }
}
