package com.muejam.cache.internal;

import java.time.Duration;
import java.util.Objects;

import com.muejam.cache.SharedMarks;

/** {@link SharedMarks} as 16-hex-digit strings under {@code <namespace>:m:<name>:<key>}, one Lua call per raise. */
final class L2Marks implements SharedMarks {

    private final RedisL2 l2;
    private final String prefix;
    private final long ttlMillis;

    public L2Marks(RedisL2 l2, String namespace, String name, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a mark's time to live must be positive: " + ttl);
        }
        this.l2 = Objects.requireNonNull(l2);
        this.prefix = namespace + ":m:" + name + ":";
        this.ttlMillis = Math.max(1, ttl.toMillis());
    }

    @Override
    public boolean raise(String key, long value) {
        if (value == ABSENT || value == UNAVAILABLE) {
            throw new IllegalArgumentException("not a position: " + value);
        }
        try {
            l2.raiseMark(prefix + key, hex16(value), ttlMillis);
            return true;
        } catch (L2Unavailable e) {
            return false;
        }
    }

    @Override
    public long read(String key) {
        String v;
        try {
            v = l2.getString(prefix + key);
        } catch (L2Unavailable e) {
            return UNAVAILABLE;
        }
        if (v == null) {
            return ABSENT;
        }
        try {
            return Long.parseUnsignedLong(v, 16);
        } catch (NumberFormatException e) {
            return UNAVAILABLE; // not written by this class: do not trust it
        }
    }

    static String hex16(long value) {
        String h = Long.toHexString(value);
        return "0".repeat(16 - h.length()) + h;
    }
}
