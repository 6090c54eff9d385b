package com.muejam.application.profile;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.cache.Regions;
import com.muejam.infrastructure.caching.CachedQuery;
import com.muejam.infrastructure.routing.ReadOnly;

/** Profile use cases. */
@ApplicationScoped
public class ProfileService {

    @Inject
    UserProfileRepository profiles;

    @Transactional
    public UserProfile create(String username, String displayName) {
        return profiles.add(new UserProfile(username, displayName, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @ReadOnly
    @CachedQuery(region = Regions.USER_PROFILE, tags = "profile_username:{0}")
    public Optional<UserProfile> byUsername(String username) {
        return profiles.findByUsername(username);
    }
}
