package com.muejam.interfaces.rest.security;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@link SessionResource} and {@link TwoFactorResource}. */
public final class SecurityDtos {

    private SecurityDtos() {
    }

    /** A session as its owner sees it (never the token or its hash); {@code current} marks the caller's own. */
    @JsonbPropertyOrder({"id", "current", "createdAt", "expiresAt", "userAgent"})
    public record SessionView(long id, String userAgent, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            boolean current) {
    }

    /** One page; {@code next} is the {@code before} cursor of the next page, null on the last. */
    @JsonbPropertyOrder({"sessions", "next"})
    public record SessionPage(List<SessionView> sessions, String next) {
    }

    public record Revoked(int revoked) {
    }

    public record TwoFactorStatus(boolean enabled, boolean pending, int backupCodesLeft) {
    }

    /** Shown once: the secret (base32) for manual entry and the {@code otpauth://} URI for a QR code. */
    public record TwoFactorSetup(String secret, String otpauthUri) {
    }

    public record Enable(@NotNull @Pattern(regexp = "\\d{6}", message = "six digits") String code) {
    }

    /** The backup codes, each usable once instead of a code; shown only in this response. */
    public record BackupCodes(List<String> backupCodes) {
    }

    /** Proof for turning two-factor off: a current code or a backup code, or else the password. */
    public record Disable(@Size(min = 1, max = 20) String code, @Size(min = 1, max = 200) String password) {
    }
}
