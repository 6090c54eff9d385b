package com.muejam.interfaces.rest.story;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.story.Story;
import com.muejam.interfaces.rest.problem.InvalidParameterException;

/**
 * Opaque page cursors: the keyset position of a page's last row (sort value and id), base64url-encoded so clients
 * pass it back unchanged instead of building it. A list ordered by time encodes {@code t<epoch s>.<nanos>.<id>},
 * one ordered by a count {@code c<count>.<id>}. A cursor that does not decode, or belongs to another kind of list,
 * is a 400 naming {@code cursor}.
 */
final class Cursors {

    static final String PARAM = "cursor";
    private static final Pattern TIME = Pattern.compile("t(-?\\d{1,19})\\.(\\d{1,9})\\.(\\d{1,19})");
    private static final Pattern COUNT = Pattern.compile("c(\\d{1,19})\\.(\\d{1,19})");

    private Cursors() {
    }

    static String time(OffsetDateTime at, long id) {
        Instant i = at.toInstant();
        return encode("t" + i.getEpochSecond() + "." + i.getNano() + "." + id);
    }

    static String count(long count, long id) {
        return encode("c" + count + "." + id);
    }

    /** The position after which a newest-first list continues; null = the first page. */
    static TimeCursor time(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return TimeCursor.newestFirst();
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

    static CountCursor count(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return CountCursor.highestFirst();
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

    /** The cursor of the next page: the last row's position when the page is full, else none (the end). */
    static String next(List<Story> page, int limit, Function<Story, String> cursorOf) {
        return page.size() < limit || page.isEmpty() ? null : cursorOf.apply(page.get(page.size() - 1));
    }

    static String byPublication(Story s) {
        return time(s.getPublishedAt(), s.getId());
    }

    static String byUpdate(Story s) {
        return time(s.getUpdatedAt(), s.getId());
    }

    static String byLikes(Story s) {
        return count(s.getLikeCount(), s.getId());
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

    private static InvalidParameterException invalid() {
        return new InvalidParameterException(PARAM, "not a cursor of this list; pass back the next value of a page");
    }
}
