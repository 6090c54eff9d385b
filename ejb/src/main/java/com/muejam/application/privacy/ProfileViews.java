package com.muejam.application.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.profile.ProfileService;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.privacy.ProfileVisibility;
import com.muejam.domain.profile.UserProfile;

/**
 * Who may see a profile. A {@code public} profile shows to everyone except users its owner blocked; a
 * {@code private} one only to its owner, and so does a {@code followers} one (there is no follow relation yet to
 * check, so it is treated as the stricter choice). Moderators see every profile (they review flagged ones).
 * Everyone else gets "not found", never "forbidden": the answer must not reveal that a hidden profile exists.
 * Each ingredient is a cached read of its own (profile by name, the owner's settings, the owner's blocks).
 * It lives with privacy, which decides it, and uses the profile package, which knows nothing of privacy.
 */
@ApplicationScoped
public class ProfileViews {

    @Inject
    ProfileService profiles;

    @Inject
    PrivacyService privacy;

    @Inject
    BlockService blocks;

    /** The profile if {@code viewerId} (0 = anonymous) may see it. */
    @ReadOnly
    public Optional<UserProfile> visibleTo(String username, long viewerId, boolean moderator) {
        return profiles.byUsername(username).filter(p -> mayView(p, viewerId, moderator));
    }

    /**
     * A page of the username prefix search as {@code viewerId} sees it: profiles they may not see are left out by
     * the query itself (one statement per page, whatever its size), so pages are full until the last;
     * {@code next} is the position to continue from (the last name returned), null at the end. Not
     * {@code @ReadOnly} itself: the reads it calls are, and a cache hit takes no route.
     */
    public SearchPage search(String prefix, String afterUsername, int limit, long viewerId, boolean moderator) {
        List<UserProfile> page = moderator ? profiles.searchByUsernamePrefix(prefix, afterUsername, limit)
                : profiles.searchVisibleByUsernamePrefix(prefix, afterUsername, viewerId, limit);
        String next = page.size() < limit ? null
                : page.get(page.size() - 1).getUsername().toLowerCase(Locale.ROOT);
        return new SearchPage(page, next);
    }

    /** A search page: the visible profiles and the position after the last scanned one (null at the end). */
    public record SearchPage(List<UserProfile> items, String next) {
    }

    private boolean mayView(UserProfile p, long viewerId, boolean moderator) {
        if (moderator || p.getId() == viewerId) {
            return true;
        }
        if (privacy.settings(p.getId()).profileVisibility() != ProfileVisibility.PUBLIC) {
            return false;
        }
        return viewerId == 0 || !blocks.hasBlocked(p.getId(), viewerId);
    }
}
