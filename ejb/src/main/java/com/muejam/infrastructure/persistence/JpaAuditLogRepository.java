package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.AuditQuery.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.TimeCursor;
import com.muejam.domain.audit.AuditLog;
import com.muejam.domain.audit.AuditLogRepository;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaAuditLogRepository implements AuditLogRepository {

    /** Native: the address is cast to inet in SQL, which a JPA insert of a String cannot do; casts type the nulls. */
    static final String INSERT = """
            INSERT INTO audit_logs (actor_id, action, target_type, target_id, ip, created_at)
            VALUES (CAST(? AS bigint), ?, CAST(? AS varchar), CAST(? AS bigint), CAST(CAST(? AS varchar) AS inet), ?)
            RETURNING id""";

    @Inject
    EntityManagers entityManagers;

    @Override
    public long append(Long actorId, String action, String targetType, Long targetId, String ip,
                       OffsetDateTime at) {
        var query = entityManagers.forWrite().createNativeQuery(INSERT);
        query.setParameter(1, actorId);
        query.setParameter(2, action);
        query.setParameter(3, targetType);
        query.setParameter(4, targetId);
        query.setParameter(5, ip);
        query.setParameter(6, at);
        return ((Number) query.getSingleResult()).longValue();
    }

    @Override
    public List<AuditLog> byActor(long actorId, OffsetDateTime from, TimeCursor before, int limit) {
        return list(AUDIT_BY_ACTOR, Map.of("actorId", actorId, "from", from, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<AuditLog> byTarget(String targetType, long targetId, OffsetDateTime from, TimeCursor before,
                                   int limit) {
        return list(AUDIT_BY_TARGET, Map.of("targetType", targetType, "targetId", targetId, "from", from,
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<AuditLog> byAction(String action, OffsetDateTime from, TimeCursor before, int limit) {
        return list(AUDIT_BY_ACTION, Map.of("action", action, "from", from, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<AuditLog> byIp(String ip, OffsetDateTime from, TimeCursor before, int limit) {
        return list(AUDIT_BY_IP, Map.of("ip", ip, "from", from, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public int purgeBefore(OffsetDateTime before, int batch) {
        return NativeQueries.execute(entityManagers.forWrite(), AUDIT_PURGE, Map.of("before", before,
                "batch", batch));
    }

    private List<AuditLog> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, AuditLog.class, values);
    }
}
