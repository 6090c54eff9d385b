package com.muejam.domain.ratelimit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Fixed-window counters. */
public interface RateLimitRepository {

    /** The entry of {@code key} in the window starting at {@code windowStart}. */
    Optional<RateLimitEntry> find(String key, OffsetDateTime windowStart);

    /** Counts one hit of {@code key} in that window and returns the window's count (atomic, any concurrency). */
    int hit(String key, OffsetDateTime windowStart);

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
