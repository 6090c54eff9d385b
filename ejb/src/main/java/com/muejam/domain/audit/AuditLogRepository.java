package com.muejam.domain.audit;

import java.time.OffsetDateTime;
import java.util.List;

import com.muejam.domain.TimeCursor;

/** The audit trail: append and search. Searches are newest first from {@code from} on, keyset-paged. */
public interface AuditLogRepository {

    /**
     * Appends an event; {@code actorId} null for system events, {@code targetType}/{@code targetId} both null or
     * both set, {@code ip} an IPv4/IPv6 address or null. {@code action} is {@code area.verb} (e.g.
     * {@code story.publish}). Returns the new id.
     */
    long append(Long actorId, String action, String targetType, Long targetId, String ip, OffsetDateTime at);

    List<AuditLog> byActor(long actorId, OffsetDateTime from, TimeCursor before, int limit);

    List<AuditLog> byTarget(String targetType, long targetId, OffsetDateTime from, TimeCursor before, int limit);

    List<AuditLog> byAction(String action, OffsetDateTime from, TimeCursor before, int limit);

    List<AuditLog> byIp(String ip, OffsetDateTime from, TimeCursor before, int limit);

    /** Retention: deletes up to {@code batch} events older than {@code before}, oldest first; returns how many. */
    int purgeBefore(OffsetDateTime before, int batch);
}
