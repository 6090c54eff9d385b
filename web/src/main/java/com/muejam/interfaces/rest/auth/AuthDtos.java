package com.muejam.interfaces.rest.auth;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@link AuthResource}. */
public final class AuthDtos {

    private AuthDtos() {
    }

    public record SignUp(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{3,50}", message = "3 to 50 letters, digits, '_', '.' or '-'") String username,
            @NotNull @Size(min = 10, max = 200, message = "10 to 200 characters") String password,
            @Size(max = 100) String displayName) {
    }

    /** {@code totp} or {@code backupCode}: the second factor, required when the account has two-factor enabled. */
    public record SignIn(
            @NotNull @Size(min = 1, max = 254) String username,
            @NotNull @Size(min = 1, max = 200) String password,
            @Pattern(regexp = "\\d{6}", message = "six digits") String totp,
            @Size(min = 1, max = 20) String backupCode) {
    }

    public record Account(long id, String username, String displayName) {
    }

    public record Me(long id, String username, String role) {
    }

    public record Session(String token, OffsetDateTime expiresAt, long userId, String username) {
    }
}
