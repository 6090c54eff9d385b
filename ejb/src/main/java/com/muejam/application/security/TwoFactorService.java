package com.muejam.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.application.ConflictException;
import com.muejam.application.InvalidInputException;
import com.muejam.application.NotFoundException;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.security.TwoFactorAuth;
import com.muejam.domain.security.TwoFactorAuthRepository;

/**
 * TOTP second factor (RFC 6238, see {@link Totp}). Setup stores a new secret, sealed with AES-256-GCM under
 * {@code TOTP_ENCRYPTION_KEY} (base64, 32 bytes, from the environment) and bound to the user id; enabling proves
 * the authenticator has it (one valid code) and returns ten one-time backup codes, shown once and stored as SHA-256
 * hex. Accepted codes are remembered by their time step (in {@code last_used_at}): a code, or an older one, is
 * never accepted twice. Everything runs on the primary; checks lock the user's row so two concurrent sign-ins
 * cannot both spend the same code.
 */
@ApplicationScoped
public class TwoFactorService {

    private static final Logger LOG = Logger.getLogger(TwoFactorService.class.getName());
    public static final int BACKUP_CODES = 10;
    private static final String BACKUP_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What setup shows once: the secret for manual entry and the URI for a QR code. */
    public record Setup(String secret, String otpauthUri) {
    }

    /** Whether the user has a second factor and how many backup codes remain. */
    public record Status(boolean enabled, boolean pending, int backupCodesLeft) {
    }

    @Inject
    TwoFactorAuthRepository twoFactor;

    @Inject
    UserProfileRepository profiles;

    @Inject
    @ConfigProperty(name = "TOTP_ENCRYPTION_KEY")
    Optional<String> keyText;

    @Inject
    @ConfigProperty(name = "TOTP_ISSUER", defaultValue = "MueJam")
    String issuer;

    private SecretCipher cipher;
    private String unavailable;

    @PostConstruct
    void init() {
        if (keyText.isEmpty() || keyText.get().isBlank()) {
            unavailable = "TOTP_ENCRYPTION_KEY is not set";
        } else {
            try {
                cipher = SecretCipher.fromBase64(keyText.get());
            } catch (IllegalArgumentException e) {
                unavailable = "TOTP_ENCRYPTION_KEY is not usable: " + e.getMessage();
            }
        }
        if (unavailable != null) {
            LOG.warning(() -> unavailable + "; two-factor authentication is unavailable (setup and sign-ins of "
                    + "users who enabled it answer 503)");
        }
    }

    @Transactional
    public Status status(long userId) {
        return twoFactor.findByUser(userId)
                .map(t -> new Status(t.isEnabled(), !t.isEnabled(), t.isEnabled() ? t.backupCodeHashes().size() : 0))
                .orElse(new Status(false, false, 0));
    }

    /** Starts (or restarts) setup: a new secret, not yet enabled. 409 if two-factor is already enabled. */
    @Transactional
    public Setup setup(long userId) {
        SecretCipher c = cipher();
        String username = profiles.findById(userId).orElseThrow(() -> new NotFoundException("user", userId))
                .getUsername();
        byte[] secret = Totp.newSecret();
        byte[] sealed = c.encrypt(secret, userId);
        Optional<TwoFactorAuth> existing = twoFactor.findByUserForUpdate(userId);
        if (existing.isPresent()) {
            if (existing.get().isEnabled()) {
                throw new ConflictException("two-factor authentication is already enabled; disable it first");
            }
            existing.get().replaceSecret(sealed);
            twoFactor.save(existing.get());
        } else {
            twoFactor.save(new TwoFactorAuth(userId, sealed, List.of(), now()));
        }
        return new Setup(Base32.encode(secret), Totp.uri(issuer, username, secret));
    }

    /** Enables the pending setup with a current code; returns the backup codes (shown once). */
    @Transactional
    public List<String> enable(long userId, String code) {
        TwoFactorAuth row = twoFactor.findByUserForUpdate(userId)
                .orElseThrow(() -> new ConflictException("start two-factor setup first (POST /api/2fa/setup)"));
        if (row.isEnabled()) {
            throw new ConflictException("two-factor authentication is already enabled");
        }
        OptionalLong step = Totp.verify(secret(row), code, Instant.now(), row.lastUsedStep(Totp.STEP_SECONDS));
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "not a current code of the authenticator set up");
        }
        row.acceptedStep(step.getAsLong(), Totp.STEP_SECONDS);
        row.enable();
        List<String> codes = new ArrayList<>(BACKUP_CODES);
        List<String> hashes = new ArrayList<>(BACKUP_CODES);
        for (int i = 0; i < BACKUP_CODES; i++) {
            String backup = newBackupCode();
            codes.add(backup);
            hashes.add(hashBackupCode(backup));
        }
        row.replaceBackupCodes(hashes);
        twoFactor.save(row);
        return codes;
    }

    /**
     * Turns two-factor off (the secret and backup codes are deleted) when {@code code} is a current code or an
     * unused backup code; false (nothing changed) when it is neither. 409 when it is not enabled. The throttle is
     * the caller's ({@link AccountService#disableSecondFactor}).
     */
    @Transactional
    public boolean disableWithCode(long userId, String code) {
        TwoFactorAuth row = enabledForUpdate(userId)
                .orElseThrow(() -> new ConflictException("two-factor authentication is not enabled"));
        if (!checkLocked(row, code, code)) {
            return false;
        }
        twoFactor.delete(userId);
        return true;
    }

    /** Turns two-factor off after the caller has verified the password. 409 when it is not enabled. */
    @Transactional
    public void disableProven(long userId) {
        enabledForUpdate(userId).orElseThrow(() -> new ConflictException("two-factor authentication is not enabled"));
        twoFactor.delete(userId);
    }

    /** The user's enabled second factor, locked for this transaction; empty when two-factor is off. */
    Optional<TwoFactorAuth> enabledForUpdate(long userId) {
        return twoFactor.findByUserForUpdate(userId).filter(TwoFactorAuth::isEnabled);
    }

    /**
     * Checks a sign-in's second factor against a row locked by {@link #enabledForUpdate}: a TOTP code (its step
     * then becomes the last used) or else a backup code (then consumed). Call inside the sign-in transaction.
     */
    boolean checkLocked(TwoFactorAuth row, String totp, String backupCode) {
        if (totp != null && !totp.isBlank()) {
            OptionalLong step = Totp.verify(secret(row), totp.trim(), Instant.now(), row.lastUsedStep(Totp.STEP_SECONDS));
            if (step.isPresent()) {
                row.acceptedStep(step.getAsLong(), Totp.STEP_SECONDS);
                twoFactor.save(row);
                return true;
            }
        }
        if (backupCode != null && !backupCode.isBlank() && row.consumeBackupCode(hashBackupCode(backupCode))) {
            twoFactor.save(row);
            return true;
        }
        return false;
    }

    private byte[] secret(TwoFactorAuth row) {
        try {
            return cipher().decrypt(row.getSecret(), row.getUserId());
        } catch (IllegalStateException e) {
            LOG.severe(() -> "the TOTP secret of user " + row.getUserId() + " does not decrypt: " + e.getMessage()
                    + " (was TOTP_ENCRYPTION_KEY changed?)");
            throw new TwoFactorUnavailableException("two-factor authentication is unavailable", e);
        }
    }

    private SecretCipher cipher() {
        if (cipher == null) {
            throw new TwoFactorUnavailableException("two-factor authentication is not configured on this server");
        }
        return cipher;
    }

    /** Ten characters in two groups ({@code abcde-fghij}), 50 bits. */
    static String newBackupCode() {
        StringBuilder b = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                b.append('-');
            }
            b.append(BACKUP_ALPHABET.charAt(RANDOM.nextInt(BACKUP_ALPHABET.length())));
        }
        return b.toString();
    }

    /** SHA-256 hex of the code as typed, ignoring case, spaces and dashes. */
    static String hashBackupCode(String code) {
        String normal = code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
