package com.muejam.interfaces.rest.problem;

/**
 * A request parameter that Bean Validation cannot judge (an opaque cursor, an {@code If-Match} value) is not
 * valid: a 400 problem naming it, like a validation failure.
 */
public class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
