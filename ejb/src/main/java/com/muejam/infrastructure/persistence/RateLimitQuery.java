package com.muejam.infrastructure.persistence;

/** The rate-limit window queries ({@code rate_limit_entries}; rules: {@link HotQuery}). */
public enum RateLimitQuery implements HotQuery {

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
            "rate_limit_entries_window_start_idx", "rate_limit_entries_pkey");

    private final SqlText text;

    RateLimitQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
