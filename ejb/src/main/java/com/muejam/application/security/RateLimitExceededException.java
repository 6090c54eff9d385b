package com.muejam.application.security;

/** A write limit's window is used up for this caller; the REST layer answers 429 with {@code Retry-After}. */
public class RateLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long retryAfterSeconds;

    public RateLimitExceededException(String limitName, int limit, long retryAfterSeconds) {
        super("rate limit " + limitName + " (" + limit + " per window) exceeded; retry in " + retryAfterSeconds + " s");
        this.limitName = limitName;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String limitName() {
        return limitName;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
