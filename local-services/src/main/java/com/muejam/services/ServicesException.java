package com.muejam.services;

/** A service could not be started, reached or controlled; the message says which and where its log is. */
public class ServicesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServicesException(String message) {
        super(message);
    }

    public ServicesException(String message, Throwable cause) {
        super(message, cause);
    }
}
