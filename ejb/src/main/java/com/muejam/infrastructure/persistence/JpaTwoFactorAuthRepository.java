package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.HotQuery.TWO_FACTOR_BY_USER;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.security.TwoFactorAuth;
import com.muejam.domain.security.TwoFactorAuthRepository;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaTwoFactorAuthRepository implements TwoFactorAuthRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public Optional<TwoFactorAuth> findByUser(long userId) {
        return NativeQueries.first(entityManagers.forRead(), TWO_FACTOR_BY_USER, TwoFactorAuth.class,
                Map.of("userId", userId));
    }

    @Override
    public TwoFactorAuth save(TwoFactorAuth twoFactorAuth) {
        var em = entityManagers.forWrite();
        TwoFactorAuth managed = em.merge(twoFactorAuth);
        em.flush();
        return managed;
    }
}
