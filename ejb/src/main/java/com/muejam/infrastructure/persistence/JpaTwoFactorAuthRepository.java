package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.SecurityQuery.TWO_FACTOR_BY_USER;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

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
    public Optional<TwoFactorAuth> findByUserForUpdate(long userId) {
        // TWO_FACTOR_BY_USER's primary key, with a row lock
        return Optional.ofNullable(entityManagers.forWrite().find(TwoFactorAuth.class, userId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean delete(long userId) {
        var em = entityManagers.forWrite();
        TwoFactorAuth row = em.find(TwoFactorAuth.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        em.remove(row);
        em.flush();
        return true;
    }

    @Override
    public TwoFactorAuth save(TwoFactorAuth twoFactorAuth) {
        var em = entityManagers.forWrite();
        TwoFactorAuth managed = em.merge(twoFactorAuth);
        em.flush();
        return managed;
    }
}
