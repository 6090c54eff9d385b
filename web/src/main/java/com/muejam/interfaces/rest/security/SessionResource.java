package com.muejam.interfaces.rest.security;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.muejam.application.InvalidInputException;
import com.muejam.application.security.SessionService;
import com.muejam.domain.TimeCursor;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;

/**
 * The caller's own sessions. A revoked token is refused on the very next request, on every node (the revocation
 * invalidates the cached session after commit). Sign-out of the current session is {@code POST /api/auth/logout}.
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser currentUser;

    /** Active sessions, newest first; {@code before} is the {@code next} of the previous page. */
    @GET
    public SecurityDtos.SessionPage list(@QueryParam("before") @Size(max = 200) String before,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(SessionService.MAX_PAGE_SIZE) int limit) {
        var user = currentUser.require();
        var page = sessions.list(user.userId(), user.sessionId(), decode(before), limit);
        return new SecurityDtos.SessionPage(page.sessions().stream()
                .map(v -> new SecurityDtos.SessionView(v.id(), v.userAgent(), v.createdAt(), v.expiresAt(), v.current()))
                .toList(), page.next() == null ? null : encode(page.next()));
    }

    /** Revokes one of the caller's sessions (404 for any other id). 204. */
    @DELETE
    @Path("/{id}")
    @WriteRateLimited("session.revoke")
    public Response revoke(@PathParam("id") @Positive long id) {
        sessions.revoke(currentUser.id(), id);
        return Response.noContent().build();
    }

    /**
     * Revokes all the caller's sessions ("sign out everywhere"), the current one included unless
     * {@code keepCurrent=true} ("everywhere else").
     */
    @DELETE
    @WriteRateLimited("session.revoke")
    public SecurityDtos.Revoked revokeAll(@QueryParam("keepCurrent") @DefaultValue("false")
            @jakarta.validation.constraints.Pattern(regexp = "true|false", message = "true or false") String keepCurrentParam) {
        // a String, not a boolean: JAX-RS reads any other text as false, and "-1" must not sign the caller out everywhere
        boolean keepCurrent = Boolean.parseBoolean(keepCurrentParam);
        var user = currentUser.require();
        return new SecurityDtos.Revoked(sessions.revokeAll(user.userId(), keepCurrent ? user.sessionId() : null));
    }

    /** Opaque keyset cursor: base64url of {@code <createdAt ISO-8601>|<id>}. */
    static String encode(TimeCursor cursor) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((cursor.at() + "|" + cursor.id()).getBytes(StandardCharsets.UTF_8));
    }

    static TimeCursor decode(String before) {
        if (before == null || before.isEmpty()) {
            return TimeCursor.newestFirst();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(before), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            return new TimeCursor(OffsetDateTime.parse(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new InvalidInputException("before", "not a cursor returned by this list");
        }
    }
}
