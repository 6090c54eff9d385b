package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.ProfileQuery.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.TimeCursor;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaUserProfileRepository implements UserProfileRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public UserProfile add(UserProfile profile) {
        var em = entityManagers.forWrite();
        em.persist(profile);
        em.flush();
        return profile;
    }

    @Override
    public Optional<UserProfile> findById(long id) {
        return Optional.ofNullable(entityManagers.forRead().find(UserProfile.class, id));
    }

    @Override
    public Optional<UserProfile> findForUpdate(long id) {
        return Optional.ofNullable(entityManagers.forWrite().find(UserProfile.class, id));
    }

    @Override
    public Optional<UserProfile> findByUsername(String username) {
        return NativeQueries.first(entityManagers.forRead(), PROFILE_BY_USERNAME, UserProfile.class,
                Map.of("username", username));
    }

    @Override
    public List<UserProfile> searchByUsernamePrefix(String prefix, String afterUsername, int limit) {
        String p = Prefixes.lower(prefix);
        return list(PROFILE_SEARCH_USERNAME_PREFIX, Map.of("prefix", p, "prefixEnd", Prefixes.end(p),
                "afterUsername", Prefixes.lower(afterUsername), "limit", limit));
    }

    @Override
    public List<UserProfile> searchVisibleByUsernamePrefix(String prefix, String afterUsername, long viewerId,
            int limit) {
        String p = Prefixes.lower(prefix);
        return list(PROFILE_SEARCH_USERNAME_PREFIX_VISIBLE, Map.of("prefix", p, "prefixEnd", Prefixes.end(p),
                "afterUsername", Prefixes.lower(afterUsername), "viewerId", viewerId, "limit", limit));
    }

    @Override
    public List<UserProfile> searchByDisplayNamePrefix(String prefix, String afterName, long afterId, int limit) {
        String p = Prefixes.lower(prefix);
        String after = Prefixes.lower(afterName);
        boolean firstPage = after.compareTo(p) < 0; // every match is >= prefix: start the scan there
        return list(PROFILE_SEARCH_DISPLAY_NAME_PREFIX, Map.of("prefixEnd", Prefixes.end(p),
                "afterName", firstPage ? p : after, "afterId", firstPage ? 0L : afterId, "limit", limit));
    }

    @Override
    public List<UserProfile> recentlyActive(TimeCursor before, int limit) {
        return list(PROFILES_RECENTLY_ACTIVE, Map.of("beforeAt", before.at(), "beforeId", before.id(),
                "limit", limit));
    }

    @Override
    public List<UserProfile> createdBetween(TimeCursor after, OffsetDateTime to, int limit) {
        return list(PROFILES_CREATED_BETWEEN, Map.of("to", to, "afterAt", after.at(), "afterId", after.id(),
                "limit", limit));
    }

    private List<UserProfile> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, UserProfile.class, values);
    }
}
