package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.SecurityQuery.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.TimeCursor;
import com.muejam.domain.security.Session;
import com.muejam.domain.security.SessionRepository;
import com.muejam.infrastructure.routing.EntityManagers;
import com.muejam.infrastructure.routing.Route;

@ApplicationScoped
public class JpaSessionRepository implements SessionRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public Session add(Session session) {
        var em = entityManagers.forWrite();
        em.persist(session);
        em.flush();
        return session;
    }

    @Override
    public Optional<Session> findActiveByTokenHash(byte[] tokenHash, OffsetDateTime now) {
        return NativeQueries.first(entityManagers.forRead(), SESSION_BY_TOKEN_HASH, Session.class,
                Map.of("tokenHash", tokenHash, "now", now));
    }

    @Override
    public Optional<Session> findById(long id) {
        // the primary key (sessions_pkey), on the primary
        return Optional.ofNullable(entityManagers.using(Route.PRIMARY).find(Session.class, id));
    }

    @Override
    public boolean revoke(byte[] tokenHash, OffsetDateTime now) {
        return NativeQueries.execute(entityManagers.forWrite(), SESSION_REVOKE,
                Map.of("now", now, "tokenHash", tokenHash)) == 1;
    }

    @Override
    public List<Session> activeForUser(long userId, OffsetDateTime now, TimeCursor before, int limit) {
        return list(SESSIONS_ACTIVE_FOR_USER, Map.of("userId", userId, "now", now, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public int revokeAllForUser(long userId, OffsetDateTime now) {
        return NativeQueries.execute(entityManagers.forWrite(), SESSIONS_REVOKE_ALL_FOR_USER,
                Map.of("now", now, "userId", userId));
    }

    @Override
    public int revokeAllForUserExcept(long userId, long keepId, OffsetDateTime now) {
        return NativeQueries.execute(entityManagers.forWrite(), SESSIONS_REVOKE_OTHERS_FOR_USER,
                Map.of("now", now, "userId", userId, "keepId", keepId));
    }

    @Override
    public List<Session> history(long userId, TimeCursor before, int limit) {
        return list(SESSION_HISTORY, Map.of("userId", userId, "beforeAt", before.at(), "beforeId", before.id(),
                "limit", limit));
    }

    @Override
    public int purgeExpired(OffsetDateTime before, int batch) {
        return NativeQueries.execute(entityManagers.forWrite(), SESSIONS_PURGE_EXPIRED,
                Map.of("before", before, "batch", batch));
    }

    private List<Session> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, Session.class, values);
    }
}
