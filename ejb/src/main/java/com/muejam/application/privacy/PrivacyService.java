package com.muejam.application.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.application.caching.CacheTags;
import com.muejam.application.caching.CachedQuery;
import com.muejam.application.caching.Regions;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.privacy.PrivacySettings;
import com.muejam.domain.privacy.PrivacySettingsRepository;
import com.muejam.domain.privacy.ProfileVisibility;

/**
 * Privacy settings. Most users never change the defaults and have no row, so the read returns the defaults as a
 * value (an empty {@code Optional} would not be cached and every profile view would query). A change goes through
 * the {@link PrivacySettings} entity, whose {@code privacy:{userId}} tag is invalidated after commit
 * (the entity → tag map in {@link CacheTags}).
 */
@ApplicationScoped
public class PrivacyService {

    @Inject
    PrivacySettingsRepository settings;

    @ReadOnly
    @CachedQuery(region = Regions.USERS, tags = CacheTags.PRIVACY + "{0}")
    public PrivacyView settings(long userId) {
        return settings.findByUser(userId).map(PrivacyView::of).orElseGet(() -> PrivacyView.defaults(userId));
    }

    /** Replaces the user's settings (all three values), creating the row on the first change. */
    @Transactional
    public PrivacyView change(long userId, boolean showNsfw, ProfileVisibility visibility, boolean allowMessages) {
        Objects.requireNonNull(visibility, "visibility");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PrivacySettings row = settings.findByUser(userId).orElseGet(() -> new PrivacySettings(userId, now));
        row.change(showNsfw, visibility, allowMessages, now);
        return PrivacyView.of(settings.save(row));
    }
}
