package com.muejam.interfaces.rest.problem;

import java.util.logging.Logger;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.muejam.application.security.LoginThrottledException;
import com.muejam.application.security.RateLimitExceededException;
import com.muejam.application.security.SecondFactorRequiredException;
import com.muejam.application.security.TwoFactorUnavailableException;
import com.muejam.interfaces.rest.auth.CurrentUser;

/**
 * Security problems: throttled sign-ins and exceeded write limits ({@code 429} with
 * {@code Retry-After}), a missing or wrong second factor ({@code 401} with a problem type of its own), rejected
 * codes or passwords ({@code 400} naming the field), two-factor not configured ({@code 503}).
 */
public final class SecurityProblemMappers {

    /** Problem types clients can test for (RFC 9457 {@code type}); resolvable documentation is not promised. */
    public static final String SECOND_FACTOR_REQUIRED = "https://muejam.example/problems/second-factor-required";
    public static final String LOGIN_THROTTLED = "https://muejam.example/problems/login-throttled";
    public static final String RATE_LIMITED = "https://muejam.example/problems/rate-limited";

    private static final Logger LOG = Logger.getLogger(SecurityProblemMappers.class.getName());

    private SecurityProblemMappers() {
    }

    /** 429 problem with the wait in seconds as {@code retryAfter} too; {@code limit} names a write limit. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "retryAfter", "limit"})
    public record TooManyRequests(String type, String title, int status, String detail, long retryAfter,
            String limit) {
    }

    /** 401 problem; {@code secondFactor} is {@code "required"} (none sent) or {@code "invalid"} (a wrong one). */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "secondFactor"})
    public record SecondFactorProblem(String type, String title, int status, String detail, String secondFactor) {
    }

    static Response tooManyRequests(String type, String detail, long retryAfter, String limit) {
        return Response.status(429).type(Problem.TYPE).header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter))
                .entity(new TooManyRequests(type, "Too Many Requests", 429, detail, retryAfter, limit)).build();
    }

    @Provider
    public static class LoginThrottled implements ExceptionMapper<LoginThrottledException> {
        @Override
        public Response toResponse(LoginThrottledException e) {
            return tooManyRequests(LOGIN_THROTTLED, e.getMessage(), e.retryAfterSeconds(), null);
        }
    }

    @Provider
    public static class RateLimited implements ExceptionMapper<RateLimitExceededException> {
        @Override
        public Response toResponse(RateLimitExceededException e) {
            return tooManyRequests(RATE_LIMITED, e.getMessage(), e.retryAfterSeconds(), e.limitName());
        }
    }

    @Provider
    public static class SecondFactor implements ExceptionMapper<SecondFactorRequiredException> {
        @Override
        public Response toResponse(SecondFactorRequiredException e) {
            return Response.status(Status.UNAUTHORIZED).type(Problem.TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, CurrentUser.CHALLENGE)
                    .entity(new SecondFactorProblem(SECOND_FACTOR_REQUIRED, "Second Factor Required", 401,
                            e.getMessage(), e.supplied() ? "invalid" : "required"))
                    .build();
        }
    }

    @Provider
    public static class TwoFactorUnavailable implements ExceptionMapper<TwoFactorUnavailableException> {
        @Override
        public Response toResponse(TwoFactorUnavailableException e) {
            LOG.warning(() -> "answered 503: " + e.getMessage());
            return Problem.of(Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse();
        }
    }
}
