package com.muejam.infrastructure.persistence;

/** The security queries: login attempts, sessions, two-factor settings (rules: {@link HotQuery}). */
public enum SecurityQuery implements HotQuery {

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

    private final SqlText text;

    SecurityQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
