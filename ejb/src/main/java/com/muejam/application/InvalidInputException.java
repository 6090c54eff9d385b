package com.muejam.application;

/**
 * A value the use case cannot accept although it is well-formed (blocking yourself, flagging a target type that
 * cannot be flagged this way); the REST layer answers 400 naming {@link #field()}, like a validation failure.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
