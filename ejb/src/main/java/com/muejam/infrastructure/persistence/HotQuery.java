package com.muejam.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The platform's hot queries: the only copy of their SQL. The JPA repositories run them as native queries and
 * the schema tests run {@code EXPLAIN} on the very same text, asserting that each uses {@link #indexes()}.
 *
 * <p>Rules every entry follows: keyset (seek) pagination on a unique sort key, never OFFSET; enum values that
 * select a partial index are literals in the SQL (a parameter cannot prove an index predicate); expressions on
 * indexed columns are written exactly as in the index definition. Parameters are written {@code :name} here and
 * bound positionally ({@link #sql()}, {@link #parameters()}).
 *
 * <p>This class is plain Java (no JPA types) so tools outside the server can load it.
 */
public enum HotQuery {

    // ---- user_profiles -----------------------------------------------------------------------------------
    PROFILE_BY_USERNAME("""
            SELECT * FROM user_profiles WHERE username = :username""",
            "user_profiles_username_key"),

    /** Case-insensitive prefix as a byte-order range: lower-cased prefix and its successor (see {@code Prefixes}). */
    PROFILE_SEARCH_USERNAME_PREFIX("""
            SELECT * FROM user_profiles
            WHERE lower(username) COLLATE "C" >= :prefix AND lower(username) COLLATE "C" < :prefixEnd
              AND lower(username) COLLATE "C" > :afterUsername
            ORDER BY lower(username) COLLATE "C"
            LIMIT :limit""",
            "user_profiles_username_lower_key"),

    /**
     * The lower bound is the row comparison alone: btree cannot merge a row comparison with a scalar bound on the
     * same column, so a separate {@code >= :prefix} would start the scan at the cursor. The first page passes
     * (prefix, 0) as the cursor.
     */
    PROFILE_SEARCH_DISPLAY_NAME_PREFIX("""
            SELECT * FROM user_profiles
            WHERE (lower(display_name) COLLATE "C", id) > (:afterName, :afterId)
              AND lower(display_name) COLLATE "C" < :prefixEnd
            ORDER BY lower(display_name) COLLATE "C", id
            LIMIT :limit""",
            "user_profiles_display_name_lower_idx"),

    /**
     * {@link #PROFILE_SEARCH_USERNAME_PREFIX} as a reader who is no moderator sees it, in the one statement: the
     * reader's own profile, and public profiles (no settings row = the public default) whose owner did not block
     * the reader. Pages are full; the next continues after the last row.
     */
    PROFILE_SEARCH_USERNAME_PREFIX_VISIBLE("""
            SELECT * FROM user_profiles p
            WHERE lower(p.username) COLLATE "C" >= :prefix AND lower(p.username) COLLATE "C" < :prefixEnd
              AND lower(p.username) COLLATE "C" > :afterUsername
              AND (p.id = :viewerId
                   OR (coalesce((SELECT ps.profile_visibility FROM privacy_settings ps WHERE ps.user_id = p.id),
                                'public') = 'public'
                       AND NOT EXISTS (SELECT 1 FROM blocked_users b
                                       WHERE b.blocker_id = p.id AND b.blocked_id = :viewerId)))
            ORDER BY lower(p.username) COLLATE "C"
            LIMIT :limit""",
            "user_profiles_username_lower_key", "privacy_settings_pkey"),

    PROFILES_RECENTLY_ACTIVE("""
            SELECT * FROM user_profiles
            WHERE last_seen IS NOT NULL AND (last_seen, id) < (:beforeAt, :beforeId)
            ORDER BY last_seen DESC, id DESC
            LIMIT :limit""",
            "user_profiles_last_seen_idx"),

    PROFILES_CREATED_BETWEEN("""
            SELECT * FROM user_profiles
            WHERE created_at < :to AND (created_at, id) > (:afterAt, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""",
            "user_profiles_created_at_idx"),

    // ---- stories: the author's pages ------------------------------------------------------------------------
    STORIES_BY_AUTHOR("""
            SELECT * FROM stories s
            WHERE s.author_id = :authorId AND NOT s.deleted AND s.id < :beforeId
            ORDER BY s.id DESC
            LIMIT :limit""",
            "stories_author_id_idx"),

    /** NSFW is a filter on the author's index (pass showNsfw = true for the author's own view). */
    STORIES_PUBLISHED_BY_AUTHOR("""
            SELECT * FROM stories s
            WHERE s.author_id = :authorId AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_author_published_idx"),

    STORY_DRAFTS_BY_AUTHOR("""
            SELECT * FROM stories s
            WHERE s.author_id = :authorId AND s.status = 'draft' AND NOT s.deleted
              AND (s.updated_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.updated_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_author_drafts_idx"),

    // ---- stories: discovery (visible, NSFW filtered unless opted in, blocked authors excluded) -------------
    DISCOVER_NEWEST("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_newest_idx", "blocked_users_pair_key"),

    DISCOVER_FEATURED("""
            SELECT * FROM stories s
            WHERE s.featured AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_featured_idx", "blocked_users_pair_key"),

    DISCOVER_POPULAR("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.like_count, s.id) < (:beforeCount, :beforeId)
            ORDER BY s.like_count DESC, s.id DESC
            LIMIT :limit""",
            "stories_popular_idx", "blocked_users_pair_key"),

    DISCOVER_MOST_READ("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.view_count, s.id) < (:beforeCount, :beforeId)
            ORDER BY s.view_count DESC, s.id DESC
            LIMIT :limit""",
            "stories_most_read_idx", "blocked_users_pair_key"),

    DISCOVER_GENRE("""
            SELECT * FROM stories s
            WHERE s.genre = :genre AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND "
            + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_genre_newest_idx", "blocked_users_pair_key"),

    DISCOVER_RECENTLY_UPDATED("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.updated_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.updated_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_recently_updated_idx", "blocked_users_pair_key"),

    /** Words of the title, all required ({@code plainto_tsquery}); newest match first. */
    STORY_TITLE_SEARCH("""
            SELECT * FROM stories s
            WHERE to_tsvector('simple', s.title) @@ plainto_tsquery('simple', :terms)
              AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_title_search_idx", "blocked_users_pair_key"),

    // ---- moderation --------------------------------------------------------------------------------------
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
            "moderation_actions_created_at_idx"),

    // ---- rate limiting -----------------------------------------------------------------------------------
    RATE_LIMIT_LOOKUP("""
            SELECT * FROM rate_limit_entries WHERE rate_key = :key AND window_start = :windowStart""",
            "rate_limit_entries_key_window_key"),

    /** Counts one hit and returns the window's count, atomically (the unique key is the conflict arbiter). */
    RATE_LIMIT_HIT("""
            INSERT INTO rate_limit_entries (rate_key, window_start, hit_count) VALUES (:key, :windowStart, 1)
            ON CONFLICT (rate_key, window_start) DO UPDATE SET hit_count = rate_limit_entries.hit_count + 1
            RETURNING hit_count""",
            "rate_limit_entries_key_window_key"),

    /**
     * Counts one hit unless the window's count has reached {@code :max}; returns the new count, or no row (nothing
     * changed) at the limit. Atomic like {@link #RATE_LIMIT_HIT}: the row lock serialises concurrent callers.
     */
    RATE_LIMIT_HIT_BELOW("""
            INSERT INTO rate_limit_entries (rate_key, window_start, hit_count) VALUES (:key, :windowStart, 1)
            ON CONFLICT (rate_key, window_start) DO UPDATE SET hit_count = rate_limit_entries.hit_count + 1
            WHERE rate_limit_entries.hit_count < :max
            RETURNING hit_count""",
            "rate_limit_entries_key_window_key"),

    /** Takes one hit back (a reserved attempt that turned out not to count); never below 0. */
    RATE_LIMIT_UNHIT("""
            UPDATE rate_limit_entries SET hit_count = hit_count - 1
            WHERE rate_key = :key AND window_start = :windowStart AND hit_count > 0""",
            "rate_limit_entries_key_window_key"),

    RATE_LIMIT_PURGE("""
            DELETE FROM rate_limit_entries
            WHERE id = ANY (ARRAY(SELECT id FROM rate_limit_entries WHERE window_start < :before
                                  ORDER BY window_start LIMIT :batch))""",
            "rate_limit_entries_window_start_idx", "rate_limit_entries_pkey"),

    // ---- audit -------------------------------------------------------------------------------------------
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
            "audit_logs_created_at_idx", "audit_logs_pkey"),

    // ---- notifications -----------------------------------------------------------------------------------
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
            "notifications_read_at_idx", "notifications_pkey"),

    // ---- privacy and blocks ------------------------------------------------------------------------------
    PRIVACY_BY_USER("""
            SELECT * FROM privacy_settings WHERE user_id = :userId""",
            "privacy_settings_pkey"),

    /** Has {@code blockerId} blocked {@code blockedId}? */
    IS_BLOCKED("""
            SELECT EXISTS (SELECT 1 FROM blocked_users WHERE blocker_id = :blockerId AND blocked_id = :blockedId)""",
            "blocked_users_pair_key"),

    /** A user's blocks, newest first; a user has a few, so they are sorted after the index lookup. */
    BLOCK_LIST("""
            SELECT * FROM blocked_users
            WHERE blocker_id = :blockerId AND id < :beforeId
            ORDER BY id DESC
            LIMIT :limit""",
            "blocked_users_pair_key"),

    /** {@link #BLOCK_LIST} with each blocked user's username, in the one statement (null if the profile is gone). */
    BLOCK_LIST_NAMED("""
            SELECT b.id, b.blocked_id, p.username, b.created_at FROM blocked_users b
            LEFT JOIN user_profiles p ON p.id = b.blocked_id
            WHERE b.blocker_id = :blockerId AND b.id < :beforeId
            ORDER BY b.id DESC
            LIMIT :limit""",
            "blocked_users_pair_key", "user_profiles_pkey"),

    BLOCKERS_OF("""
            SELECT * FROM blocked_users
            WHERE blocked_id = :blockedId AND id < :beforeId
            ORDER BY id DESC
            LIMIT :limit""",
            "blocked_users_blocked_idx"),

    BLOCKED_BY_COUNT("""
            SELECT count(*) FROM blocked_users WHERE blocked_id = :blockedId""",
            "blocked_users_blocked_idx"),

    // ---- security ----------------------------------------------------------------------------------------
    LOGIN_FAILURES_FOR_USERNAME("""
            SELECT count(*) FROM login_attempts
            WHERE username = :username AND NOT success AND created_at >= :since""",
            "login_attempts_username_idx"),

    LOGIN_FAILURES_FOR_IP("""
            SELECT count(*) FROM login_attempts
            WHERE ip = CAST(:ip AS inet) AND NOT success AND created_at >= :since""",
            "login_attempts_ip_idx"),

    /** The newest failures within the window, at most :limit (the throttle's count and its Retry-After). */
    LOGIN_FAILURE_TIMES_FOR_USERNAME("""
            SELECT created_at FROM login_attempts
            WHERE username = :username AND NOT success AND created_at >= :since
            ORDER BY created_at DESC
            LIMIT :limit""",
            "login_attempts_username_idx"),

    LOGIN_FAILURE_TIMES_FOR_IP("""
            SELECT created_at FROM login_attempts
            WHERE ip = CAST(:ip AS inet) AND NOT success AND created_at >= :since
            ORDER BY created_at DESC
            LIMIT :limit""",
            "login_attempts_ip_idx"),

    LOGIN_HISTORY_FOR_USERNAME("""
            SELECT * FROM login_attempts
            WHERE username = :username AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "login_attempts_username_idx"),

    LOGIN_ATTEMPTS_FOR_IP("""
            SELECT * FROM login_attempts
            WHERE ip = CAST(:ip AS inet) AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "login_attempts_ip_idx"),

    RECENT_FAILED_LOGINS("""
            SELECT * FROM login_attempts
            WHERE NOT success AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "login_attempts_recent_failures_idx"),

    LOGIN_ATTEMPTS_PURGE("""
            DELETE FROM login_attempts
            WHERE id = ANY (ARRAY(SELECT id FROM login_attempts WHERE created_at < :before
                                  ORDER BY created_at LIMIT :batch))""",
            "login_attempts_created_at_idx", "login_attempts_pkey"),

    SESSION_BY_TOKEN_HASH("""
            SELECT * FROM sessions
            WHERE token_hash = :tokenHash AND revoked_at IS NULL AND expires_at > :now""",
            "sessions_token_hash_key"),

    SESSION_REVOKE("""
            UPDATE sessions SET revoked_at = :now WHERE token_hash = :tokenHash AND revoked_at IS NULL""",
            "sessions_token_hash_key"),

    SESSIONS_ACTIVE_FOR_USER("""
            SELECT * FROM sessions
            WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
              AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "sessions_user_idx"),

    SESSIONS_REVOKE_ALL_FOR_USER("""
            UPDATE sessions SET revoked_at = :now
            WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now""",
            "sessions_user_idx"),

    /** "Sign out everywhere else": every active session of the user but the caller's own. */
    SESSIONS_REVOKE_OTHERS_FOR_USER("""
            UPDATE sessions SET revoked_at = :now
            WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now AND id <> :keepId""",
            "sessions_user_idx"),

    SESSION_HISTORY("""
            SELECT * FROM sessions
            WHERE user_id = :userId AND (created_at, id) < (:beforeAt, :beforeId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""",
            "sessions_user_idx"),

    SESSIONS_PURGE_EXPIRED("""
            DELETE FROM sessions
            WHERE id = ANY (ARRAY(SELECT id FROM sessions WHERE expires_at < :before
                                  ORDER BY expires_at LIMIT :batch))""",
            "sessions_expires_at_idx", "sessions_pkey"),

    TWO_FACTOR_BY_USER("""
            SELECT * FROM two_factor_auth WHERE user_id = :userId""",
            "two_factor_auth_pkey");

    private final String namedSql;
    private final String sql;
    private final List<String> parameters;
    private final List<String> indexes;

    HotQuery(String namedSql, String... indexes) {
        this.namedSql = namedSql;
        this.indexes = List.of(indexes);
        List<String> names = new ArrayList<>();
        Matcher m = Sql.PARAMETER.matcher(namedSql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        this.sql = positional.toString();
        this.parameters = Collections.unmodifiableList(names);
    }

    /** The SQL with {@code ?} placeholders, as sent to the database. */
    public String sql() {
        return sql;
    }

    /** The SQL with {@code :name} placeholders, as written above. */
    public String namedSql() {
        return namedSql;
    }

    /** Parameter names in placeholder order (a name used twice appears twice). */
    public List<String> parameters() {
        return parameters;
    }

    /** The indexes this query must use: the first is the one it was designed around. */
    public List<String> indexes() {
        return indexes;
    }

    /**
     * Positional values for {@link #sql()} from named values: every name must be given (a null value only where the
     * SQL casts the parameter, so its type is known), and no other.
     */
    public Object[] bind(Map<String, ?> values) {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(parameters);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(name() + " has no parameters " + unknown);
        }
        Object[] result = new Object[parameters.size()];
        for (int i = 0; i < result.length; i++) {
            String p = parameters.get(i);
            if (!values.containsKey(p)) {
                throw new IllegalArgumentException(name() + " needs a value for :" + p);
            }
            result[i] = values.get(p);
        }
        return result;
    }
}
