package com.muejam.application.security;

/** Wrong username or password (deliberately not saying which); the REST layer answers 401. */
public class AuthenticationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
