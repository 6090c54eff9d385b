package com.muejam.interfaces.rest.problem;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.muejam.application.ConflictException;
import com.muejam.application.NotFoundException;
import com.muejam.application.security.AuthenticationFailedException;
import com.muejam.interfaces.rest.auth.CurrentUser;

/**
 * Every error leaves the API as {@code application/problem+json}: bad input is a 4xx naming the field, unknown
 * ids are 404, constraint conflicts 409, and anything unexpected a 500 whose body carries only an incident id
 * (the stack trace goes to the server log, never to the client).
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return new Problem("about:blank", "Bad Request", 400, "the request is not valid", errors).toResponse();
        }

        /** The last named node of the path: the JSON property or the parameter, not the Java method. */
        private static String fieldName(ConstraintViolation<?> v) {
            String name = null;
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getName() != null) {
                    name = node.getName();
                }
            }
            return name == null ? "body" : name;
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.of(Status.NOT_FOUND, e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.of(Status.CONFLICT, e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class AuthenticationFailed implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return Response.fromResponse(Problem.of(Status.UNAUTHORIZED, e.getMessage()).toResponse())
                    .header(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, CurrentUser.CHALLENGE).build();
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response.StatusType status = original.getStatusInfo();
            if (status.getStatusCode() >= 500) {
                return Unexpected.incident(e);
            }
            Response.ResponseBuilder builder = Response.fromResponse(original).type(Problem.TYPE)
                    .entity(Problem.of(status, detail(e, status)));
            return builder.build();
        }

        /** Our own 401/403/409… carry a message meant for the client; the container's own ones say only the status. */
        private static String detail(WebApplicationException e, Response.StatusType status) {
            if (status.getStatusCode() == 400) {
                return "the request could not be read";
            }
            int code = status.getStatusCode();
            String message = e.getMessage();
            boolean ours = code == 401 || code == 403 || code == 409 || code == 429;
            boolean generic = !ours || message == null || message.startsWith("HTTP " + code);
            return generic ? status.getReasonPhrase() : message;
        }
    }

    /** Malformed JSON or a value of the wrong type. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.of(Status.BAD_REQUEST, "the request body is not valid JSON for this resource").toResponse();
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.of(Status.BAD_REQUEST, "the request body is not valid JSON for this resource").toResponse();
        }
    }

    /** Last resort: database constraint conflicts become 409, everything else an opaque 500. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            var exhausted = PoolExhaustedMapper.ifExhausted(e); // a wrapped pool acquisition timeout: 503
            if (exhausted.isPresent()) {
                return exhausted.get();
            }
            String state = sqlState(e);
            if ("23505".equals(state)) {
                return Problem.of(Status.CONFLICT, "a resource with the same unique value already exists").toResponse();
            }
            if ("23503".equals(state) || "23514".equals(state)) {
                return Problem.of(Status.CONFLICT, "the change violates a data constraint").toResponse();
            }
            return incident(e);
        }

        static Response incident(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error, incident " + incident, e);
            return Problem.of(Status.INTERNAL_SERVER_ERROR, "unexpected error; incident " + incident).toResponse();
        }

        private static String sqlState(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null) {
                    return sql.getSQLState();
                }
            }
            return null;
        }
    }
}
