package com.muejam.domain.profile;

import java.util.Optional;

/** User profiles as the application sees them. */
public interface UserProfileRepository {

    UserProfile add(UserProfile profile);

    Optional<UserProfile> findById(long id);

    Optional<UserProfile> findByUsername(String username);
}
