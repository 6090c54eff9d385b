package com.muejam.infrastructure.persistence;

/** The audit log queries ({@code audit_logs}; rules: {@link HotQuery}). */
public enum AuditQuery implements HotQuery {

    AUDIT_BY_ACTOR("""
            SELECT * FROM audit_logs
            WHERE actor_id = :actorId AND created_at >= :from AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "audit_logs_actor_idx"),

    AUDIT_BY_TARGET("""
            SELECT * FROM audit_logs
            WHERE target_type = :targetType AND target_id = :targetId AND created_at >= :from
              AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "audit_logs_target_idx"),

    AUDIT_BY_ACTION("""
            SELECT * FROM audit_logs
            WHERE action = :action AND created_at >= :from AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "audit_logs_action_idx"),

    AUDIT_BY_IP("""
            SELECT * FROM audit_logs
            WHERE ip = CAST(:ip AS inet) AND created_at >= :from AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "audit_logs_ip_idx"),

    AUDIT_PURGE("""
            DELETE FROM audit_logs
            WHERE id = ANY (ARRAY(SELECT id FROM audit_logs WHERE created_at < :before
                                  ORDER BY created_at LIMIT :batch))""",
            "audit_logs_created_at_idx", "audit_logs_pkey");

    private final SqlText text;

    AuditQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
