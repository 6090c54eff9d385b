package com.muejam.application.security;

/** A value the service cannot accept (a wrong code, a wrong password); the REST layer answers 400 naming the field. */
public class RejectedInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public RejectedInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
