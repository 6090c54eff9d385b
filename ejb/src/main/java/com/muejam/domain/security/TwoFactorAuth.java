package com.muejam.domain.security;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's TOTP second factor; one row per user, keyed by the user's id. The secret is stored as ciphertext
 * (encrypted by the application); backup codes as SHA-256 hex digests, read and rewritten as a whole.
 */
@Entity
@Table(name = "two_factor_auth")
public class TwoFactorAuth {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private byte[] secret;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "backup_code_hashes", nullable = false, length = 1400)
    private String backupCodeHashes = "";

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected TwoFactorAuth() {
        // for JPA
    }

    public TwoFactorAuth(long userId, byte[] encryptedSecret, List<String> backupCodeHashes, OffsetDateTime now) {
        this.userId = userId;
        this.secret = encryptedSecret.clone();
        this.backupCodeHashes = String.join(" ", backupCodeHashes);
        this.createdAt = now;
    }

    public void enable() {
        this.enabled = true;
    }

    public void disable() {
        this.enabled = false;
    }

    /** Records a successful second-factor check. */
    public void used(OffsetDateTime now) {
        this.lastUsedAt = now;
    }

    /**
     * Records an accepted TOTP code of time step {@code step} ({@code stepSeconds} long, counted from the epoch):
     * {@code last_used_at} holds the start of that step, so {@link #lastUsedStep} refuses the same code (and older
     * ones) again. Kept in the existing column: a code is only ever compared with the last accepted step.
     */
    public void acceptedStep(long step, int stepSeconds) {
        this.lastUsedAt = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(step * stepSeconds),
                java.time.ZoneOffset.UTC);
    }

    /** The step of the last accepted TOTP code, or -1 if none was accepted yet. */
    public long lastUsedStep(int stepSeconds) {
        return lastUsedAt == null ? -1 : Math.floorDiv(lastUsedAt.toEpochSecond(), stepSeconds);
    }

    /** A new secret for a second factor not yet enabled (setup started again); forgets steps and codes. */
    public void replaceSecret(byte[] encryptedSecret) {
        if (enabled) {
            throw new IllegalStateException("disable two-factor authentication before replacing its secret");
        }
        this.secret = encryptedSecret.clone();
        this.backupCodeHashes = "";
        this.lastUsedAt = null;
    }

    /** Replaces the backup codes, given as their SHA-256 hex digests. */
    public void replaceBackupCodes(List<String> hashes) {
        this.backupCodeHashes = String.join(" ", hashes);
    }

    /** Consumes a backup code given by its hash; false if it is not (or no longer) valid. */
    public boolean consumeBackupCode(String hash) {
        List<String> codes = backupCodeHashes();
        if (!codes.contains(hash)) {
            return false;
        }
        backupCodeHashes = String.join(" ", codes.stream().filter(c -> !c.equals(hash)).toList());
        return true;
    }

    public List<String> backupCodeHashes() {
        return backupCodeHashes.isEmpty() ? List.of() : Arrays.asList(backupCodeHashes.split(" "));
    }

    public Long getUserId() { return userId; }
    public byte[] getSecret() { return secret.clone(); }
    public boolean isEnabled() { return enabled; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getLastUsedAt() { return lastUsedAt; }
}
