package com.muejam.application.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.application.NotFoundException;
import com.muejam.application.caching.CacheInvalidation;
import com.muejam.application.caching.CacheTags;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.security.Session;
import com.muejam.domain.security.SessionRepository;

/**
 * Bearer sessions. {@link #authenticate} runs on every authenticated request, so it is cached per token hash
 * ({@link SessionLookup}); its misses read the primary, not a replica: a revocation must stop the token at once on
 * every node, and a replica may still show the session for up to the allowed lag. Revocations are native UPDATEs
 * (no entity listener fires), so they hand their tags to {@link CacheInvalidation} themselves: the session's
 * {@code session:<hash>} for one, the user's {@code user_sessions:<userId>} for all; after commit every node drops
 * the cached session before the next request can use it.
 */
@ApplicationScoped
public class SessionService {

    /** Largest page of {@link #list}. */
    public static final int MAX_PAGE_SIZE = 100;

    /** One session as its owner sees it: never the token or its hash. */
    public record View(long id, String userAgent, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            boolean current) {
    }

    /** A page of sessions and the cursor of the next one (null on the last page). */
    public record Page(List<View> sessions, TimeCursor next) {
    }

    @Inject
    SessionLookup lookup;

    @Inject
    SessionRepository sessions;

    @Inject
    CacheInvalidation invalidation;

    /** The user a bearer token belongs to, if the token names an active session. */
    public Optional<AuthenticatedUser> authenticate(String token) {
        if (!SessionTokens.looksValid(token)) {
            return Optional.empty();
        }
        // the cached entry carries the expiry: an expired session is refused even before its entry ages out
        OffsetDateTime now = now();
        String hash = SessionTokens.hashHex(token);
        return lookup.ownerOf(hash)
                .flatMap(userId -> lookup.byTokenHash(hash, userId))
                .filter(c -> c.expiresAt().isAfter(now))
                .map(SessionLookup.Cached::user);
    }

    /**
     * The user's active sessions, newest first, keyset-paged; {@code currentSessionId}'s is marked. Served by a
     * replica: send the {@code MueJam-Consistency} token of a revocation to see it here at once.
     */
    @ReadOnly
    public Page list(long userId, long currentSessionId, TimeCursor before, int limit) {
        int size = Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
        List<Session> rows = sessions.activeForUser(userId, now(), before, size + 1);
        List<View> views = new ArrayList<>(Math.min(rows.size(), size));
        for (Session s : rows.subList(0, Math.min(rows.size(), size))) {
            views.add(new View(s.getId(), s.getUserAgent(), s.getCreatedAt(), s.getExpiresAt(),
                    s.getId() == currentSessionId));
        }
        TimeCursor next = rows.size() > size
                ? new TimeCursor(views.get(size - 1).createdAt(), views.get(size - 1).id()) : null;
        return new Page(views, next);
    }

    /** Revokes one of the user's own sessions; 404 for another user's, an unknown or an already ended one. */
    @Transactional
    public void revoke(long userId, long sessionId) {
        Session s = sessions.findById(sessionId).filter(x -> x.getUserId() == userId)
                .orElseThrow(() -> new NotFoundException("session", sessionId));
        OffsetDateTime now = now();
        if (!s.isActive(now) || !sessions.revoke(s.getTokenHash(), now)) {
            throw new NotFoundException("session", sessionId);
        }
        invalidation.afterCommit(List.of(CacheTags.session(HexFormat.of().formatHex(s.getTokenHash()))));
    }

    /**
     * Revokes every active session of the user, or every one but {@code keepSessionId} when it is given ("sign out
     * everywhere else"); returns how many were revoked.
     */
    @Transactional
    public int revokeAll(long userId, Long keepSessionId) {
        OffsetDateTime now = now();
        int revoked = keepSessionId == null ? sessions.revokeAllForUser(userId, now)
                : sessions.revokeAllForUserExcept(userId, keepSessionId, now);
        if (revoked > 0) {
            invalidation.afterCommit(List.of(CacheTags.userSessions(userId)));
        }
        return revoked;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
