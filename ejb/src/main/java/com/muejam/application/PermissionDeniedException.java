package com.muejam.application;

/**
 * The caller is known but may not do this (edit someone else's story); the REST layer answers 403. Services
 * throw it where the rule belongs to the use case, so the web layer does not duplicate ownership checks.
 */
public class PermissionDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message);
    }
}
