package com.muejam.application.security;

import java.time.OffsetDateTime;

/** A new session: the bearer token (shown once, never stored) and when it expires. */
public record SignIn(String token, OffsetDateTime expiresAt, long userId, String username) {
}
