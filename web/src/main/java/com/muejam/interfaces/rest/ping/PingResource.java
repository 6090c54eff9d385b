package com.muejam.interfaces.rest.ping;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cheapest answer of the API: no database, no cache, only the request filters every API call passes
 * (authentication when a token is sent, timing, consistency token). The load suite measures it as the ceiling the
 * other endpoints are compared with; a client may use it to check that it reaches the API at all.
 */
@Path("/ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    /** The answer, always the same. */
    public record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @GET
    public Pong ping() {
        return PONG;
    }
}
