package com.muejam.application.security;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.cache.Regions;
import com.muejam.domain.security.CredentialsRepository;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.security.SessionRepository;
import com.muejam.infrastructure.caching.CachedQuery;

/**
 * The cached half of {@link SessionService#authenticate}: an active session by token hash, with its user and role.
 * Not {@code @ReadOnly}: a miss reads the primary (see {@link SessionService}). Tagged {@code session:<hash>} (one
 * session) and {@code user_sessions:<userId>} (sign-out everywhere, role changes).
 */
@ApplicationScoped
public class SessionLookup {

    /** What the cache holds per token hash. */
    public record Cached(AuthenticatedUser user, OffsetDateTime expiresAt) implements Serializable {
    }

    @Inject
    SessionRepository sessions;

    @Inject
    UserProfileRepository profiles;

    @Inject
    CredentialsRepository credentials;

    @CachedQuery(region = Regions.USERS, tags = "session:{0}")
    public Optional<Cached> byTokenHash(String tokenHashHex) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return sessions.findActiveByTokenHash(HexFormat.of().parseHex(tokenHashHex), now)
                .flatMap(s -> profiles.findById(s.getUserId()).flatMap(p -> credentials.findByUser(p.getId())
                        .map(c -> new Cached(new AuthenticatedUser(p.getId(), p.getUsername(), c.getRole(), s.getId()),
                                s.getExpiresAt()))));
    }
}
