package com.muejam.cache;

/**
 * Positions shared by every node through L2, each raised only forward and forgotten a fixed time after it was
 * last raised: "the newest commit this user made in the last few seconds", read by any node. Values are
 * compared as unsigned 64-bit numbers (a PostgreSQL WAL position fits). Fail-open: while L2 is unreachable a
 * raise is dropped and a read answers {@link #UNAVAILABLE}, so callers choose the safe path themselves.
 */
public interface SharedMarks {

    /** No mark for the key (never raised, or forgotten). */
    long ABSENT = 0;

    /** L2 could not be asked: the caller must assume a mark it does not know. */
    long UNAVAILABLE = -1;

    /**
     * Raises the key's mark to {@code value} unless it is already higher, and restarts its time to live either way.
     * Returns false when L2 could not be reached (the raise is lost).
     *
     * @param value a position above {@link #ABSENT} and other than {@link #UNAVAILABLE}
     */
    boolean raise(String key, long value);

    /** The key's mark, {@link #ABSENT}, or {@link #UNAVAILABLE}. One L2 round trip. */
    long read(String key);
}
