package com.muejam.domain.ratelimit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/** Fixed-window counters. */
public interface RateLimitRepository {

    /** The entry of {@code key} in the window starting at {@code windowStart}. */
    Optional<RateLimitEntry> find(String key, OffsetDateTime windowStart);

    /** Counts one hit of {@code key} in that window and returns the window's count (atomic, any concurrency). */
    int hit(String key, OffsetDateTime windowStart);

    /**
     * Counts one hit of {@code key} in that window unless its count has already reached {@code max}: the new count,
     * or empty when the window is full (then nothing changed). One atomic statement, so of any number of concurrent
     * callers at most {@code max} per window get a count.
     */
    OptionalInt hitBelow(String key, OffsetDateTime windowStart, int max);

    /** Takes back one hit of {@code key} in that window (never below 0): a reserved attempt that does not count. */
    void unhit(String key, OffsetDateTime windowStart);

    /** Deletes up to {@code batch} windows that started before {@code before}, oldest first; returns how many. */
    int purgeBefore(OffsetDateTime before, int batch);

    /** Start of the fixed window of length {@code window} that contains {@code now} (windows align to the epoch). */
    static OffsetDateTime windowStart(OffsetDateTime now, Duration window) {
        long ms = window.toMillis();
        long epochMs = now.toInstant().toEpochMilli();
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMs - Math.floorMod(epochMs, ms)),
                ZoneOffset.UTC);
    }
}
