package com.muejam.infrastructure.persistence;

/** The notification queries ({@code notifications}; rules: {@link HotQuery}). */
public enum NotificationQuery implements HotQuery {

    /**
     * Adds a notification, or coalesces it into the recipient's unread one of the same type and subject: its count
     * grows and it moves to the top ("Ana and 12 others liked your story"). Notifications without a subject are
     * never coalesced (outside the index predicate). Returns the stored row.
     */
    NOTIFICATIONS_ADD("""
            INSERT INTO notifications AS n (recipient_id, type, subject_type, subject_id, payload, created_at)
            VALUES (:recipientId, :type, CAST(:subjectType AS varchar), CAST(:subjectId AS bigint),
                    CAST(CAST(:payload AS varchar) AS jsonb), :now)
            ON CONFLICT (recipient_id, type, subject_type, subject_id) WHERE read_at IS NULL AND subject_id IS NOT NULL
            DO UPDATE SET payload = EXCLUDED.payload || jsonb_build_object('count',
                              coalesce((n.payload ->> 'count')::int, 1) + 1),
                          created_at = EXCLUDED.created_at
            RETURNING *""",
            "notifications_unread_subject_key"),

    NOTIFICATIONS_UNREAD("""
            SELECT * FROM notifications
            WHERE recipient_id = :recipientId AND read_at IS NULL AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "notifications_unread_idx"),

    NOTIFICATIONS_UNREAD_COUNT("""
            SELECT count(*) FROM notifications WHERE recipient_id = :recipientId AND read_at IS NULL""",
            "notifications_unread_idx"),

    NOTIFICATIONS_MARK_ALL_READ("""
            UPDATE notifications SET read_at = :now WHERE recipient_id = :recipientId AND read_at IS NULL""",
            "notifications_unread_idx"),

    NOTIFICATIONS_MARK_READ("""
            UPDATE notifications SET read_at = :now
            WHERE id = :id AND recipient_id = :recipientId AND read_at IS NULL""",
            "notifications_pkey"),

    NOTIFICATIONS_INBOX("""
            SELECT * FROM notifications
            WHERE recipient_id = :recipientId AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "notifications_recipient_idx"),

    NOTIFICATIONS_INBOX_BY_TYPE("""
            SELECT * FROM notifications
            WHERE recipient_id = :recipientId AND type = :type AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "notifications_recipient_type_idx"),

    NOTIFICATIONS_DELETE_FOR_SUBJECT("""
            DELETE FROM notifications WHERE subject_type = :subjectType AND subject_id = :subjectId""",
            "notifications_subject_idx"),

    NOTIFICATIONS_PURGE_READ("""
            DELETE FROM notifications
            WHERE id = ANY (ARRAY(SELECT id FROM notifications WHERE read_at < :before
                                  ORDER BY read_at LIMIT :batch))""",
            "notifications_read_at_idx", "notifications_pkey");

    private final SqlText text;

    NotificationQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
