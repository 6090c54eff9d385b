package com.muejam.tools.generator;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN} (text format) in 1 MiB chunks: the server
 * parses while the client generates. Values are written with the typed {@code add} methods, which escape as the
 * text format requires.
 */
final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 20;
    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean firstInRow = true;
    private long rows;

    CopyWriter(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    private void sep() {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
    }

    CopyWriter add(long v) {
        sep();
        buffer.append(v);
        return this;
    }

    CopyWriter add(Long v) {
        if (v == null) {
            return nul();
        }
        return add(v.longValue());
    }

    CopyWriter add(boolean v) {
        sep();
        buffer.append(v ? 't' : 'f');
        return this;
    }

    CopyWriter add(OffsetDateTime v) {
        if (v == null) {
            return nul();
        }
        sep();
        TS.formatTo(v, buffer);
        return this;
    }

    /** A timestamptz given as microseconds since the epoch, written in UTC without allocating a date-time. */
    CopyWriter time(long epochMicros) {
        sep();
        long secs = Math.floorDiv(epochMicros, 1_000_000L);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        long days = Math.floorDiv(secs, 86_400L);
        int sod = (int) Math.floorMod(secs, 86_400L);
        LocalDate d = LocalDate.ofEpochDay(days);
        buffer.append(d.getYear()).append('-');
        two(d.getMonthValue()).append('-');
        two(d.getDayOfMonth()).append(' ');
        two(sod / 3600).append(':');
        two(sod / 60 % 60).append(':');
        two(sod % 60).append('.');
        String m = Integer.toString(micros);
        for (int i = m.length(); i < 6; i++) {
            buffer.append('0');
        }
        buffer.append(m).append("+00");
        return this;
    }

    /** {@link #time(long)} or NULL for a negative value. */
    CopyWriter timeOrNull(long epochMicros) {
        return epochMicros < 0 ? nul() : time(epochMicros);
    }

    private StringBuilder two(int v) {
        if (v < 10) {
            buffer.append('0');
        }
        return buffer.append(v);
    }

    /** Text; backslash, tab, newline and carriage return are escaped. */
    CopyWriter add(String v) {
        if (v == null) {
            return nul();
        }
        sep();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** bytea in hex form ({@code \\x...} once escaped). */
    CopyWriter addBytes(byte[] v) {
        sep();
        buffer.append("\\\\x");
        for (byte b : v) {
            buffer.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return this;
    }

    CopyWriter nul() {
        sep();
        buffer.append("\\N");
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstInRow = true;
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }
}
