package com.muejam.infrastructure.persistence;

/** The profile queries ({@code user_profiles}; rules: {@link HotQuery}). */
public enum ProfileQuery implements HotQuery {

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
            "user_profiles_created_at_idx");

    private final SqlText text;

    ProfileQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
