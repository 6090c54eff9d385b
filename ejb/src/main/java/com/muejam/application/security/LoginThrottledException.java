package com.muejam.application.security;

/**
 * Too many failed sign-ins for this username from this address, for this username, or from this address within the
 * window ({@link LoginThrottle}); the REST layer answers 429 with {@code Retry-After}. No password was checked and
 * nothing was counted.
 */
public class LoginThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public LoginThrottledException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the full counter's window ends (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
