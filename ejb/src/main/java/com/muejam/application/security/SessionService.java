package com.muejam.application.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bearer sessions. {@link #authenticate} runs on every authenticated request, so it is cached per token hash
 * ({@link SessionLookup}); its misses read the primary, not a replica: a revocation must stop the token at once on
 * every node, and a replica may still show the session for up to the allowed lag. Revocations invalidate the
 * session's tag after commit, on every node (the two-tier cache's tag versions).
 */
@ApplicationScoped
public class SessionService {

    @Inject
    SessionLookup lookup;

    /** The user a bearer token belongs to, if the token names an active session. */
    public Optional<AuthenticatedUser> authenticate(String token) {
        if (!SessionTokens.looksValid(token)) {
            return Optional.empty();
        }
        // the cached entry carries the expiry: an expired session is refused even before its entry ages out
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return lookup.byTokenHash(SessionTokens.hashHex(token))
                .filter(c -> c.expiresAt().isAfter(now))
                .map(SessionLookup.Cached::user);
    }
}
