package com.muejam.application.security;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.caching.CacheTags;
import com.muejam.application.caching.CachedQuery;
import com.muejam.application.caching.Regions;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.security.CredentialsRepository;
import com.muejam.domain.security.SessionRepository;

/**
 * The cached half of {@link SessionService#authenticate}: an active session by token hash, with its user and role.
 * Not {@code @ReadOnly}: a miss reads the primary (see {@link SessionService}).
 *
 * <p>Two steps, because a cache entry's tags must be known before its value is loaded (the tag versions are
 * captured first, which is what makes an invalidation racing a load safe): {@link #ownerOf} maps the token hash to
 * its user (tagged {@code session:<hash>}; the owner of a session never changes), then {@link #byTokenHash} holds the
 * session with its user and role, tagged {@code session:<hash>} (sign-out, revoke one) <em>and</em>
 * {@code user_sessions:<userId>} (revoke all, role changes). Both are L1 hits on a warm node.
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

    /** The user of the active session with this token hash. */
    @CachedQuery(region = Regions.USERS, tags = CacheTags.SESSION + "{0}")
    public Optional<Long> ownerOf(String tokenHashHex) {
        return sessions.findActiveByTokenHash(HexFormat.of().parseHex(tokenHashHex), now()).map(s -> s.getUserId());
    }

    /** The active session with this token hash as its user {@code userId} (from {@link #ownerOf}) signed in. */
    @CachedQuery(region = Regions.USERS, tags = {CacheTags.SESSION + "{0}", CacheTags.USER_SESSIONS + "{1}"})
    public Optional<Cached> byTokenHash(String tokenHashHex, long userId) {
        return sessions.findActiveByTokenHash(HexFormat.of().parseHex(tokenHashHex), now())
                .filter(s -> s.getUserId() == userId)
                .flatMap(s -> profiles.findById(s.getUserId()).flatMap(p -> credentials.findByUser(p.getId())
                        .map(c -> new Cached(new AuthenticatedUser(p.getId(), p.getUsername(), c.getRole(), s.getId()),
                                s.getExpiresAt()))));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
