package com.muejam.cache.internal;

/**
 * L2 could not be used for this call: the breaker is open or the call failed. Callers fall back to L1 and the
 * loader; it never reaches the application.
 */
final class L2Unavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final L2Unavailable BREAKER_OPEN = new L2Unavailable("L2 breaker open", null);

    L2Unavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
