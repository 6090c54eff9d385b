package com.muejam.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Opaque bearer tokens: 32 random bytes, base64url; the database holds only their SHA-256. */
public final class SessionTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash as hex: the session's cache key and tag (never the token itself). */
    public static String hashHex(String token) {
        return HexFormat.of().formatHex(hash(token));
    }

    /** A token this service could have issued: 43 base64url characters. Anything else is rejected unhashed. */
    public static boolean looksValid(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> c == '-' || c == '_'
                || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }
}
