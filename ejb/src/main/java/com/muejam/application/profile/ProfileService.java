package com.muejam.application.profile;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.application.NotFoundException;
import com.muejam.application.caching.CacheTags;
import com.muejam.application.caching.CachedQuery;
import com.muejam.application.caching.Regions;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;

/**
 * Profile use cases. Reads by id and by username are cached under the tags a {@link UserProfile} change
 * invalidates ({@code profile:{id}}, {@code profile_username:{username}}); the edit goes through the entity, so
 * the entity listener invalidates both after commit. Who may see a profile is decided by {@link ProfileViews}.
 */
@ApplicationScoped
public class ProfileService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    UserProfileRepository profiles;

    @Transactional
    public UserProfile create(String username, String displayName) {
        return profiles.add(new UserProfile(username, displayName, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @ReadOnly
    @CachedQuery(region = Regions.USER_PROFILE, tags = CacheTags.PROFILE_USERNAME + "{0}")
    public Optional<UserProfile> byUsername(String username) {
        return profiles.findByUsername(username);
    }

    @ReadOnly
    @CachedQuery(region = Regions.USER_PROFILE, tags = CacheTags.PROFILE + "{0}")
    public Optional<UserProfile> byId(long id) {
        return profiles.findById(id);
    }

    /**
     * Replaces the user's own display name and bio (null or blank clears one). Values arrive validated (sizes
     * capped by the REST layer); surrounding blanks are trimmed here.
     */
    @Transactional
    public UserProfile updateOwn(long userId, String displayName, String bio) {
        UserProfile p = profiles.findForUpdate(userId).orElseThrow(() -> new NotFoundException("profile", userId));
        p.setDisplayName(blankToNull(displayName));
        p.setBio(blankToNull(bio));
        return p;
    }

    /**
     * Usernames starting with {@code prefix} (ignoring case) in lower-case order, after {@code afterUsername}
     * (empty for the first page). Not cached: prefixes are many and every new profile would change the results.
     */
    @ReadOnly
    public List<UserProfile> searchByUsernamePrefix(String prefix, String afterUsername, int limit) {
        return profiles.searchByUsernamePrefix(prefix, afterUsername == null ? "" : afterUsername,
                Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }

    /**
     * The username prefix search as {@code viewerId} (0 = anonymous; not a moderator) sees it, visibility and
     * blocks applied in the one statement. Cached in {@code search_results} per viewer: any profile or privacy
     * change drops every entry ({@code profile_search}), a block drops the entries of both users
     * ({@code blocks:{id}}).
     */
    @ReadOnly
    @CachedQuery(region = Regions.SEARCH_RESULTS, tags = {CacheTags.PROFILE_SEARCH, CacheTags.BLOCKS + "{2}"})
    public List<UserProfile> searchVisibleByUsernamePrefix(String prefix, String afterUsername, long viewerId,
            int limit) {
        return profiles.searchVisibleByUsernamePrefix(prefix, afterUsername == null ? "" : afterUsername, viewerId,
                Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
