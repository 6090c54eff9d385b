package com.muejam.application.operations;

/**
 * No connection could be taken from a pool within its acquisition (blocking) timeout. Thrown by the
 * infrastructure (the routing of read-only calls knows the pool); the web layer answers 503 with
 * {@code Retry-After}, naming the pool.
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
