package com.muejam.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Keyset position in a list ordered by a timestamp and then the id (unique, so no row is skipped or repeated).
 * A page starts strictly after (ascending lists) or before (descending lists) this position; the first page
 * starts at a sentinel beyond every stored value, so the same SQL serves every page.
 */
public record TimeCursor(OffsetDateTime at, long id) {

    /** Later than any stored timestamp (PostgreSQL accepts it; no row is that new). */
    public static final OffsetDateTime FAR_FUTURE = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
    /** Earlier than any stored timestamp. */
    public static final OffsetDateTime FAR_PAST = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    public TimeCursor {
        Objects.requireNonNull(at, "at");
    }

    /** First page of a newest-first list. */
    public static TimeCursor newestFirst() {
        return new TimeCursor(FAR_FUTURE, Long.MAX_VALUE);
    }

    /** First page of an oldest-first list. */
    public static TimeCursor oldestFirst() {
        return new TimeCursor(FAR_PAST, 0);
    }

    /** First page of an oldest-first list that starts at {@code from} (inclusive). */
    public static TimeCursor from(OffsetDateTime from) {
        return new TimeCursor(from, 0);
    }
}
