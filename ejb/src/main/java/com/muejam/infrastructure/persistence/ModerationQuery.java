package com.muejam.infrastructure.persistence;

/** The moderation queries: content flags and moderation actions (rules: {@link HotQuery}). */
public enum ModerationQuery implements HotQuery {

    MODERATION_QUEUE("""
            SELECT * FROM content_flags
            WHERE status = 'pending' AND (created_at, id) > (:afterAt, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""",
            "content_flags_pending_queue_idx"),

    MODERATION_QUEUE_BY_REASON("""
            SELECT * FROM content_flags
            WHERE status = 'pending' AND reason = :reason AND (created_at, id) > (:afterAt, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""",
            "content_flags_pending_reason_idx"),

    FLAGS_FOR_TARGET("""
            SELECT * FROM content_flags
            WHERE target_type = :targetType AND target_id = :targetId AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "content_flags_target_idx"),

    RESOLVE_PENDING_FLAGS_FOR_TARGET("""
            UPDATE content_flags SET status = :status, resolved_at = :now, resolved_by = :moderatorId
            WHERE target_type = :targetType AND target_id = :targetId AND status = 'pending'""",
            "content_flags_pending_target_key"),

    FLAGS_BY_REPORTER("""
            SELECT * FROM content_flags
            WHERE reporter_id = :reporterId AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "content_flags_reporter_idx"),

    PENDING_FLAG_EXISTS("""
            SELECT EXISTS (SELECT 1 FROM content_flags
                           WHERE reporter_id = :reporterId AND target_type = :targetType AND target_id = :targetId
                             AND status = 'pending')""",
            "content_flags_pending_target_key"),

    RECENTLY_RESOLVED_FLAGS("""
            SELECT * FROM content_flags
            WHERE resolved_at IS NOT NULL AND (resolved_at, id) < (:beforeAt, :beforeId)
            ORDER BY resolved_at DESC, id DESC
            LIMIT :limit""",
            "content_flags_resolved_idx"),

    FLAGS_RESOLVED_BY("""
            SELECT * FROM content_flags
            WHERE resolved_by = :moderatorId AND (resolved_at, id) < (:beforeAt, :beforeId)
            ORDER BY resolved_at DESC, id DESC
            LIMIT :limit""",
            "content_flags_resolved_by_idx"),

    ACTIONS_BY_MODERATOR("""
            SELECT * FROM moderation_actions
            WHERE moderator_id = :moderatorId AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "moderation_actions_moderator_idx"),

    ACTIONS_FOR_FLAG("""
            SELECT * FROM moderation_actions
            WHERE flag_id = :flagId AND (created_at, id) > (:afterAt, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""",
            "moderation_actions_flag_idx"),

    ACTIONS_AGAINST_TARGET("""
            SELECT * FROM moderation_actions
            WHERE target_type = :targetType AND target_id = :targetId AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "moderation_actions_target_idx"),

    ACTIONS_OF_TYPE_BETWEEN("""
            SELECT * FROM moderation_actions
            WHERE action = :action AND created_at >= :from AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "moderation_actions_action_idx"),

    ACTIONS_BETWEEN("""
            SELECT * FROM moderation_actions
            WHERE created_at >= :from AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "moderation_actions_created_at_idx");

    private final SqlText text;

    ModerationQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
