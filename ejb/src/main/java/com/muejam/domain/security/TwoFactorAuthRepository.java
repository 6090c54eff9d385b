package com.muejam.domain.security;

import java.util.Optional;

/** Two-factor settings, one per user. */
public interface TwoFactorAuthRepository {

    Optional<TwoFactorAuth> findByUser(long userId);

    TwoFactorAuth save(TwoFactorAuth twoFactorAuth);
}
