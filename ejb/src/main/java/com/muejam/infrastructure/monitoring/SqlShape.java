package com.muejam.infrastructure.monitoring;

import java.util.regex.Pattern;

/**
 * The shape of a SQL statement: its text with every literal value replaced by {@code ?} and whitespace
 * collapsed. Statements from the persistence provider already carry {@code ?} for bound parameters; this also
 * strips values written inline (native queries), so a log line never carries user data.
 */
public final class SqlShape {

    private static final int MAX_LENGTH = 1000;
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern DOLLAR = Pattern.compile("\\$([A-Za-z_]*)\\$.*?\\$\\1\\$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w.])");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SqlShape() {
    }

    public static String of(String sql) {
        if (sql == null) {
            return "";
        }
        String s = DOLLAR.matcher(sql).replaceAll("?");
        s = STRING.matcher(s).replaceAll("?");
        s = NUMBER.matcher(s).replaceAll("?");
        s = SPACE.matcher(s).replaceAll(" ").trim();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }
}
