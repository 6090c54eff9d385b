package com.muejam.application.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK for secrets the application must read back (TOTP seeds). Stored form:
 * {@code version(1) || nonce(12) || ciphertext+tag}; the user id is bound as associated data, so a ciphertext copied
 * to another user's row does not decrypt. The key comes from the environment, never the repository.
 */
public final class SecretCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From a base64 key of exactly 32 bytes; {@link IllegalArgumentException} otherwise (the message names no key). */
    public static SecretCipher fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("the key must be 32 bytes (AES-256), got " + key.length);
        }
        return new SecretCipher(key);
    }

    public byte[] encrypt(byte[] plain, long boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(boundTo));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plain secret; {@link IllegalStateException} if the ciphertext was altered, moved or the key differs. */
    public byte[] decrypt(byte[] stored, long boundTo) {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("not a sealed secret of version " + VERSION);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            c.updateAAD(aad(boundTo));
            return c.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret does not decrypt with the configured key", e);
        }
    }

    private static byte[] aad(long boundTo) {
        return ByteBuffer.allocate(8).putLong(boundTo).array();
    }
}
