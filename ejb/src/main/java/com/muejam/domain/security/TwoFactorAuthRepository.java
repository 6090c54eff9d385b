package com.muejam.domain.security;

import java.util.Optional;

/** Two-factor settings, one per user. */
public interface TwoFactorAuthRepository {

    Optional<TwoFactorAuth> findByUser(long userId);

    TwoFactorAuth save(TwoFactorAuth twoFactorAuth);

    /**
     * The user's row on the primary, locked until the transaction ends ({@code SELECT ... FOR UPDATE}): two
     * sign-ins with the same code or backup code cannot both pass the replay check.
     */
    Optional<TwoFactorAuth> findByUserForUpdate(long userId);

    /** Removes the user's second factor (secret and backup codes); false if there was none. */
    boolean delete(long userId);
}
