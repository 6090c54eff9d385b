package com.muejam.domain.privacy;

import java.util.Optional;

/** Per-user privacy settings. */
public interface PrivacySettingsRepository {

    Optional<PrivacySettings> findByUser(long userId);

    /** Inserts or updates the user's settings. */
    PrivacySettings save(PrivacySettings settings);
}
