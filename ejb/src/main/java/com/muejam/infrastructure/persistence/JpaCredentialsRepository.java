package com.muejam.infrastructure.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.security.Credentials;
import com.muejam.domain.security.CredentialsRepository;
import com.muejam.infrastructure.routing.EntityManagers;
import com.muejam.infrastructure.routing.Route;

@ApplicationScoped
public class JpaCredentialsRepository implements CredentialsRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public Credentials add(Credentials credentials) {
        var em = entityManagers.forWrite();
        em.persist(credentials);
        em.flush();
        return credentials;
    }

    @Override
    public Optional<Credentials> findByUser(long userId) {
        // CREDENTIALS_BY_USER: the primary key. Always the primary: a sign-in must see a password change at once.
        return Optional.ofNullable(entityManagers.using(Route.PRIMARY).find(Credentials.class, userId));
    }
}
