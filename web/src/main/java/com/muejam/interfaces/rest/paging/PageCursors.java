package com.muejam.interfaces.rest.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.muejam.application.InvalidInputException;
import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;

/**
 * Opaque cursors for the lists of this API: a time-ordered list encodes {@code t<epoch s>.<nanos>.<id>}, a
 * count-ordered one {@code c<count>.<id>}, an id-ordered one {@code i<id>}, a name-ordered one {@code n<name>},
 * each base64url without padding. A cursor that
 * does not decode, or belongs to another kind of list, is a 400 naming {@value #PARAM}.
 */
public final class PageCursors {

    /** The query parameter that carries a cursor. */
    public static final String PARAM = "cursor";

    private static final Pattern TIME = Pattern.compile("t(-?\\d{1,19})\\.(\\d{1,9})\\.(\\d{1,19})");
    private static final Pattern COUNT = Pattern.compile("c(\\d{1,19})\\.(\\d{1,19})");
    private static final Pattern ID = Pattern.compile("i(\\d{1,19})");
    private static final Pattern NAME = Pattern.compile("n([a-z0-9_.-]{1,50})");

    private PageCursors() {
    }

    public static String time(OffsetDateTime at, long id) {
        Instant i = at.toInstant();
        return encode("t" + i.getEpochSecond() + "." + i.getNano() + "." + id);
    }

    public static String count(long count, long id) {
        return encode("c" + count + "." + id);
    }

    public static String id(long id) {
        return encode("i" + id);
    }

    public static String name(String lowerName) {
        return encode("n" + lowerName);
    }

    /** The position of a time-ordered list; {@code first} when the cursor is absent. */
    public static TimeCursor time(String cursor, TimeCursor first) {
        if (cursor == null || cursor.isEmpty()) {
            return first;
        }
        Matcher m = TIME.matcher(decode(cursor));
        if (!m.matches()) {
            throw invalid();
        }
        try {
            OffsetDateTime at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))
                    .atOffset(ZoneOffset.UTC);
            return new TimeCursor(at, Long.parseLong(m.group(3)));
        } catch (RuntimeException e) { // out of range
            throw invalid();
        }
    }

    /** The position of a count-ordered list (highest first); {@code first} when the cursor is absent. */
    public static CountCursor count(String cursor, CountCursor first) {
        if (cursor == null || cursor.isEmpty()) {
            return first;
        }
        Matcher m = COUNT.matcher(decode(cursor));
        if (!m.matches()) {
            throw invalid();
        }
        try {
            return new CountCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The id below which an id-descending list continues; {@link Long#MAX_VALUE} when absent. */
    public static long idBefore(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        Matcher m = ID.matcher(decode(cursor));
        if (!m.matches()) {
            throw invalid();
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The (lower-case) name after which a name-ordered list continues; empty when absent. */
    public static String nameAfter(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return "";
        }
        Matcher m = NAME.matcher(decode(cursor));
        if (!m.matches()) {
            throw invalid();
        }
        return m.group(1);
    }

    /** A page of views; {@code next} is the last row's cursor when the page is full, else null (the end). */
    public static <E, V> Page<V> page(List<E> rows, int limit, Function<E, V> view, Function<E, String> cursorOf) {
        String next = rows.isEmpty() || rows.size() < limit ? null : cursorOf.apply(rows.get(rows.size() - 1));
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String cursor) {
        if (cursor.length() > 100) {
            throw invalid();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(PARAM, "not a cursor of this list; pass back the next value of a page");
    }
}
