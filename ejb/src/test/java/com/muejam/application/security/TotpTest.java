package com.muejam.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP against the RFC 6238 appendix B vectors, the acceptance window, replay; base32 (RFC 4648) and AES-GCM. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238Vectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
        // the six-digit code apps show is the same truncation modulo 10^6
        assertThat(Totp.code(SHA1_SEED, step)).isEqualTo(sha1.substring(2));
    }

    @Test
    void acceptsOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step), now, -1)).hasValue(step);
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now, -1)).hasValue(step - 1);
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, -1)).hasValue(step + 1);
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now, -1)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now, -1)).isEmpty();
    }

    @Test
    void refusesTheLastUsedStepAndOlderOnes() {
        Instant now = Instant.ofEpochSecond(2000000000);
        long step = Totp.step(now);
        String code = Totp.code(SHA1_SEED, step);
        assertThat(Totp.verify(SHA1_SEED, code, now, step)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now, step)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, step)).hasValue(step + 1);
    }

    @Test
    void malformedCodesAreRefusedWithoutWork() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.verify(SHA1_SEED, null, now, -1)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, "28708", now, -1)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, "28708x", now, -1)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, "2870822", now, -1)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
        assertThat(new String(Base32.decode("mzxw6ytboi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        byte[] secret = Totp.newSecret();
        assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
        assertThat(Base32.encode(secret)).hasSize(32);
        assertThatThrownBy(() -> Base32.decode("MZ1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otpauthUriCarriesSecretIssuerAndAccount() {
        assertThat(Totp.uri("MueJam", "ann b", "foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("otpauth://totp/MueJam:ann%20b?secret=MZXW6YTBOI&issuer=MueJam&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void secretsAreSealedPerUserWithAesGcm() {
        SecretCipher cipher = SecretCipher.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        byte[] sealed = cipher.encrypt(SHA1_SEED, 7);
        assertThat(sealed).isNotEqualTo(cipher.encrypt(SHA1_SEED, 7)); // a fresh nonce each time
        assertThat(cipher.decrypt(sealed, 7)).isEqualTo(SHA1_SEED);
        assertThatThrownBy(() -> cipher.decrypt(sealed, 8)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, 7)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretCipher.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
