package com.muejam.application.security;

/**
 * Two-factor authentication cannot work on this server: {@code TOTP_ENCRYPTION_KEY} is missing or not a base64
 * 32-byte key, or a stored secret does not decrypt with it. The REST layer answers 503; the log says why.
 */
public class TwoFactorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TwoFactorUnavailableException(String message) {
        super(message);
    }

    public TwoFactorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
