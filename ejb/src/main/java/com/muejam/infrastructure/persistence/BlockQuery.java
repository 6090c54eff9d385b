package com.muejam.infrastructure.persistence;

/** The block queries ({@code blocked_users}; rules: {@link HotQuery}). */
public enum BlockQuery implements HotQuery {

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
            "blocked_users_blocked_idx");

    private final SqlText text;

    BlockQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
