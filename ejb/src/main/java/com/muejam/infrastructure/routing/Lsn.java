package com.muejam.infrastructure.routing;

/**
 * PostgreSQL write-ahead-log positions ({@code pg_lsn}) as unsigned 64-bit numbers. The text form is the
 * server's: two hexadecimal halves, {@code 16/B374D848}. {@link #NONE} (0) stands for "no position".
 */
public final class Lsn {

    public static final long NONE = 0L;

    private Lsn() {
    }

    /** Parses {@code X/Y}; throws {@link IllegalArgumentException} on anything else. */
    public static long parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no LSN");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1 || slash > 8 || t.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("not an LSN: " + text);
        }
        try {
            long high = Long.parseLong(t, 0, slash, 16);
            long low = Long.parseLong(t, slash + 1, t.length(), 16);
            return high << 32 | low;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an LSN: " + text, e);
        }
    }

    /** Parses, or returns {@link #NONE} for null, blank or malformed input. */
    public static long parseOrNone(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }

    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    /** Signed distance in bytes from {@code from} to {@code to} (positions are far below 2^63 in practice). */
    public static long diff(long to, long from) {
        return to - from;
    }
}
