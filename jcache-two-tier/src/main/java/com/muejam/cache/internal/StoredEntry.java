package com.muejam.cache.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One entry as stored in Redis: a fixed header, the tag versions observed when its value was loaded, then the
 * serialized value.
 *
 * <pre>
 * byte 0      format (1)
 * bytes 1-8   stamp: random per write, the compare-and-set token (Lua reads it as string.sub(v, 2, 9))
 * bytes 9-16  generation of the cache when written (string.sub(v, 10, 17)); a clear bumps the generation
 * bytes 17-24 logical expiry, epoch millis, Long.MAX_VALUE for eternal
 * bytes 25-26 number of tags, then per tag: u16 length, UTF-8 bytes, i64 version
 * rest        the value's bytes
 * </pre>
 */
final class StoredEntry {

    public static final long ETERNAL = Long.MAX_VALUE;
    private static final byte FORMAT = 1;
    private static final int HEADER = 27;
    private static final String[] NO_TAGS = new String[0];
    private static final long[] NO_VERSIONS = new long[0];

    public final long stamp;
    public final long generation;
    public final long expireAt;
    public final String[] tags;
    public final long[] versions;
    public final byte[] payload;

    public StoredEntry(long stamp, long generation, long expireAt, String[] tags, long[] versions, byte[] payload) {
        this.stamp = stamp;
        this.generation = generation;
        this.expireAt = expireAt;
        this.tags = tags == null ? NO_TAGS : tags;
        this.versions = versions == null ? NO_VERSIONS : versions;
        this.payload = payload;
    }

    public boolean isExpiredAt(long now) {
        return expireAt <= now;
    }

    public byte[] encode() {
        byte[][] tagBytes = new byte[tags.length][];
        int size = HEADER + payload.length;
        for (int i = 0; i < tags.length; i++) {
            tagBytes[i] = tags[i].getBytes(StandardCharsets.UTF_8);
            if (tagBytes[i].length > 0xFFFF) {
                throw new IllegalArgumentException("tag too long");
            }
            size += 2 + tagBytes[i].length + 8;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(FORMAT).putLong(stamp).putLong(generation).putLong(expireAt).putShort((short) tags.length);
        for (int i = 0; i < tags.length; i++) {
            b.putShort((short) tagBytes[i].length).put(tagBytes[i]).putLong(versions[i]);
        }
        b.put(payload);
        return b.array();
    }

    /** Decodes what {@link #encode()} wrote; null for null or foreign bytes (treated as absent). */
    public static StoredEntry decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER || bytes[0] != FORMAT) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.get();
        long stamp = b.getLong();
        long gen = b.getLong();
        long expireAt = b.getLong();
        int n = b.getShort() & 0xFFFF;
        String[] tags = n == 0 ? NO_TAGS : new String[n];
        long[] versions = n == 0 ? NO_VERSIONS : new long[n];
        for (int i = 0; i < n; i++) {
            int len = b.getShort() & 0xFFFF;
            tags[i] = new String(bytes, b.position(), len, StandardCharsets.UTF_8);
            b.position(b.position() + len);
            versions[i] = b.getLong();
        }
        byte[] payload = new byte[b.remaining()];
        b.get(payload);
        return new StoredEntry(stamp, gen, expireAt, tags, versions, payload);
    }

    /** The 8 stamp bytes as Lua sees them in {@code string.sub(v, 2, 9)}. */
    public static byte[] stampBytes(long stamp) {
        return ByteBuffer.allocate(8).putLong(stamp).array();
    }
}
