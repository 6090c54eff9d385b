package com.muejam.domain.security;

import java.util.Optional;

/** Sign-in credentials, one row per user. Always read on the primary: a password check must see the latest hash. */
public interface CredentialsRepository {

    Credentials add(Credentials credentials);

    Optional<Credentials> findByUser(long userId);
}
