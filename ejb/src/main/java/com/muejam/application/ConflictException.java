package com.muejam.application;

/** The request contradicts the current state (a taken username, a flag already decided); the REST layer answers 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
