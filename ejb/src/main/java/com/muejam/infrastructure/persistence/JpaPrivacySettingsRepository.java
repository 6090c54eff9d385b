package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.PrivacyQuery.PRIVACY_BY_USER;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.privacy.PrivacySettings;
import com.muejam.domain.privacy.PrivacySettingsRepository;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaPrivacySettingsRepository implements PrivacySettingsRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public Optional<PrivacySettings> findByUser(long userId) {
        return NativeQueries.first(entityManagers.forRead(), PRIVACY_BY_USER, PrivacySettings.class,
                Map.of("userId", userId));
    }

    @Override
    public PrivacySettings save(PrivacySettings settings) {
        var em = entityManagers.forWrite();
        PrivacySettings managed = em.merge(settings);
        em.flush();
        return managed;
    }
}
