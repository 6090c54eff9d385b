package com.muejam.interfaces.rest.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.muejam.application.InvalidInputException;

/** {@link InvalidInputException}: 400 in the shape of a validation failure (the field and what is wrong). */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException e) {
        return new Problem("about:blank", "Bad Request", 400, "the request is not valid",
                List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
    }
}
