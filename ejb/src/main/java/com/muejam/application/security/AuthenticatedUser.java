package com.muejam.application.security;

import java.io.Serializable;

import com.muejam.domain.security.Role;

/** Who a valid bearer token belongs to. Cached per token hash, so it must stay small and serializable. */
public record AuthenticatedUser(long userId, String username, Role role, long sessionId) implements Serializable {

    public boolean isModerator() {
        return role == Role.moderator;
    }
}
