package com.muejam.application.profile;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.NotFoundException;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;

/**
 * A user named in a request path, inside the caller's transaction or read: usernames are unique ignoring case, so
 * {@code Ana} finds {@code ana}. The exact name is tried first (the username key); otherwise the case-insensitive
 * index is asked for the first name of that prefix, which is the name itself if it exists.
 */
@ApplicationScoped
public class ProfileLookup {

    @Inject
    UserProfileRepository profiles;

    /** The user, or {@link NotFoundException} (404). */
    public UserProfile byUsername(String username) {
        return profiles.findByUsername(username)
                .or(() -> profiles.searchByUsernamePrefix(username, "", 1).stream()
                        .filter(p -> p.getUsername().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT)))
                        .findFirst())
                .orElseThrow(() -> new NotFoundException("user", username));
    }
}
