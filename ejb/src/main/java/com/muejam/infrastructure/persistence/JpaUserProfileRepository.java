package com.muejam.infrastructure.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    public Optional<UserProfile> findByUsername(String username) {
        return entityManagers.forRead()
                .createQuery("SELECT p FROM UserProfile p WHERE p.username = :username", UserProfile.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}
