package com.muejam.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.muejam.application.PermissionDeniedException;

/** A signed-in caller acting on something that is not theirs: 403 with the service's reason. */
@Provider
public class PermissionDeniedMapper implements ExceptionMapper<PermissionDeniedException> {

    @Override
    public Response toResponse(PermissionDeniedException e) {
        return Problem.of(Status.FORBIDDEN, e.getMessage()).toResponse();
    }
}
