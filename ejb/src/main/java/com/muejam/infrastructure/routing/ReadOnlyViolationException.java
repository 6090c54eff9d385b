package com.muejam.infrastructure.routing;

/** A write was attempted while the current call is routed read-only. Raised before any SQL is sent. */
public class ReadOnlyViolationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ReadOnlyViolationException(String message) {
        super(message);
    }
}
