package com.muejam.interfaces.rest.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import com.muejam.application.security.AuthenticatedUser;

/**
 * The caller of the current request, as established by {@link AuthenticationFilter}. Resources call
 * {@link #id()} where a signed-in user is required (401 otherwise), {@link #requireModerator()} for moderator
 * actions (403 for other users) and {@link #optional()} where anonymous callers are served too.
 */
@RequestScoped
public class CurrentUser {

    /** The challenge sent with every 401. */
    public static final String CHALLENGE = "Bearer realm=\"muejam\"";

    private AuthenticatedUser user;

    void set(AuthenticatedUser user) {
        this.user = user;
    }

    public Optional<AuthenticatedUser> optional() {
        return Optional.ofNullable(user);
    }

    /** The signed-in user; 401 when the request carries no valid bearer token. */
    public AuthenticatedUser require() {
        if (user == null) {
            throw new NotAuthorizedException("sign in first", CHALLENGE);
        }
        return user;
    }

    /** The signed-in user's id; 401 when there is none. */
    public long id() {
        return require().userId();
    }

    /** The signed-in moderator; 401 when not signed in, 403 for a user without the moderator role. */
    public AuthenticatedUser requireModerator() {
        AuthenticatedUser u = require();
        if (!u.isModerator()) {
            throw new ForbiddenException("moderator role required");
        }
        return u;
    }
}
