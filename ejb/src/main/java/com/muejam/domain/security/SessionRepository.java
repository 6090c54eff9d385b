package com.muejam.domain.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.muejam.domain.TimeCursor;

/** Sessions. Lists are newest first, keyset-paged. */
public interface SessionRepository {

    Session add(Session session);

    /** The unrevoked, unexpired session with this token hash. */
    Optional<Session> findActiveByTokenHash(byte[] tokenHash, OffsetDateTime now);

    /** A session by id, whatever its state; read on the primary (revocations act on what it returns). */
    Optional<Session> findById(long id);

    /** Signs one session out; false if it was not active. */
    boolean revoke(byte[] tokenHash, OffsetDateTime now);

    List<Session> activeForUser(long userId, OffsetDateTime now, TimeCursor before, int limit);

    /** "Sign out everywhere"; returns how many sessions were revoked. */
    int revokeAllForUser(long userId, OffsetDateTime now);

    /** "Sign out everywhere else": revokes every active session of the user except {@code keepId}. */
    int revokeAllForUserExcept(long userId, long keepId, OffsetDateTime now);

    /** All of a user's sessions, revoked and expired included. */
    List<Session> history(long userId, TimeCursor before, int limit);

    /** Deletes up to {@code batch} sessions that expired before {@code before}; returns how many. */
    int purgeExpired(OffsetDateTime before, int batch);
}
