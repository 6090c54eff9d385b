package com.muejam.interfaces.rest.problem;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

import com.muejam.application.operations.PoolExhaustedException;
import com.muejam.application.operations.PoolTimeouts;

/**
 * No database connection within the pool's acquisition timeout: {@code 503 Service Unavailable} with
 * {@code Retry-After} ({@code DB_POOL_RETRY_AFTER} seconds, 2) and a problem naming the pool. The wait is bounded
 * by the pool's blocking timeout, so request threads give up instead of piling up behind the pool.
 * Read-only calls arrive as {@link PoolExhaustedException} (the routing interceptor knows the pool); other
 * calls arrive as the provider's wrapped exception, and the pool is the one this thread was handed last
 * (both recognised, and counted, by the application's {@link PoolTimeouts}).
 */
@Provider
@ApplicationScoped
public class PoolExhaustedMapper implements ExceptionMapper<PoolExhaustedException> {

    private static final Logger LOG = Logger.getLogger(PoolExhaustedMapper.class.getName());

    /** RFC 9457 problem with the pool as an extension member. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "pool"})
    public record PoolProblem(String type, String title, int status, String detail, String pool) {
    }

    @Override
    public Response toResponse(PoolExhaustedException e) {
        return response(e.pool());
    }

    /** The 503 for an exception whose chain holds an acquisition timeout, if it does. */
    public static Optional<Response> ifExhausted(Throwable e) {
        return timeouts().exhaustedPool(e).map(PoolExhaustedMapper::response);
    }

    static Response response(String pool) {
        LOG.warning(() -> "no connection from pool " + pool + " within its acquisition timeout: answered 503");
        count(pool);
        String retryAfter = ConfigProvider.getConfig().getOptionalValue("DB_POOL_RETRY_AFTER", String.class).orElse("2");
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(Problem.TYPE)
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .entity(new PoolProblem("about:blank", "Service Unavailable", 503,
                        "no database connection available from pool " + pool + "; retry later", pool))
                .build();
    }

    private static PoolTimeouts timeouts() {
        return CDI.current().select(PoolTimeouts.class).get();
    }

    private static void count(String pool) {
        try {
            timeouts().answered(pool);
        } catch (RuntimeException e) {
            LOG.warning(() -> "acquisition timeout not counted: " + e);
        }
    }
}
