package com.muejam.application.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps use them: HMAC-SHA1 (RFC 4226 dynamic truncation),
 * 30 s steps counted from the Unix epoch, 6 digits. Pure logic (no clock of its own, no state), so the RFC's test
 * vectors check it directly.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one (clock drift, a code typed as it changes). */
    public static final int WINDOW = 1;
    /** 160 bits: the HMAC-SHA1 block-size recommendation of RFC 4226. */
    public static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The time step containing {@code at}. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, zero-padded; {@code algorithm} a JDK Mac name ({@code HmacSHA1} for apps). */
    public static String code(byte[] secret, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] counter = new byte[8];
            for (int i = 7, s = 0; i >= 0; i--, s += 8) {
                counter[i] = (byte) (step >>> s);
            }
            byte[] h = mac.doFinal(counter);
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code {@code typed} is, within {@link #WINDOW} steps of {@code now}'s and strictly after
     * {@code lastUsedStep} (a code once accepted, or an older one, is refused: replay), else empty. Every candidate
     * is compared in constant time.
     */
    public static OptionalLong verify(byte[] secret, String typed, Instant now, long lastUsedStep) {
        if (typed == null || typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean equal = MessageDigest.isEqual(code(secret, s).getBytes(), typed.getBytes());
            if (equal && s > lastUsedStep && match.isEmpty()) {
                match = OptionalLong.of(s);
            }
        }
        return match;
    }

    /** The {@code otpauth://} URI authenticator apps scan (Key Uri Format). */
    public static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
