package com.muejam.infrastructure.pools;

/**
 * No connection could be taken from a pool within its acquisition (blocking) timeout. The web layer answers
 * 503 with {@code Retry-After}, naming the pool.
 */
public class PoolExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pool;

    public PoolExhaustedException(String pool, Throwable cause) {
        super("no connection available from pool " + pool + " within its acquisition timeout", cause);
        this.pool = pool;
    }

    /** The server's name of the pool, e.g. {@code PrimaryDS}. */
    public String pool() {
        return pool;
    }
}
