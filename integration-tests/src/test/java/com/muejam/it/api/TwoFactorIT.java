package com.muejam.it.api;

import static com.muejam.it.api.SecurityClient.from;
import static com.muejam.it.api.SecurityClient.login;
import static com.muejam.it.api.SecurityClient.randomIp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.application.security.Base32;
import com.muejam.application.security.Totp;
import com.muejam.it.routing.AppClient;

/**
 * TOTP two-factor over HTTP: setup (secret stored encrypted), enable with a code (ten backup codes, stored hashed),
 * sign-in then needs a current, not yet used code or an unused backup code; disable with a code or the password.
 * The test computes codes like an authenticator app would (the same RFC 6238 code the server checks; the unit test
 * holds it to the RFC's vectors).
 */
class TwoFactorIT extends DeployedEarTest {

    /** A user with two-factor enabled: its secret, the step of the code that enabled it, its backup codes. */
    record Enabled(AppClient.User user, byte[] secret, long step, List<String> backupCodes) {
    }

    private Enabled enable(String prefix) {
        AppClient.User user = app.signUp(prefix);
        HttpResponse<String> setup = app.post("api/2fa/setup", "{}", user.auth());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        byte[] secret = Base32.decode(SecurityClient.string(setup.body(), "secret"));
        long step = Totp.step(Instant.now());
        HttpResponse<String> enabled = app.post("api/2fa/enable",
                "{\"code\":\"" + Totp.code(secret, step) + "\"}", user.auth());
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        return new Enabled(user, secret, step, SecurityClient.strings(enabled.body(), "backupCodes"));
    }

    @Test
    void setupStoresTheSecretEncryptedAndEnableReturnsTenHashedBackupCodes() throws Exception {
        AppClient.User user = app.signUp("tfa_setup");
        HttpResponse<String> setup = app.post("api/2fa/setup", "{}", user.auth());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        String secretText = SecurityClient.string(setup.body(), "secret");
        byte[] secret = Base32.decode(secretText);
        assertThat(secret).hasSize(20);
        assertThat(SecurityClient.string(setup.body(), "otpauthUri"))
                .startsWith("otpauth://totp/MueJam:" + user.username())
                .contains("secret=" + secretText).contains("issuer=MueJam");
        // stored sealed (version, nonce, ciphertext, tag), never the secret itself
        assertThat(TestDatabase.count("SELECT octet_length(secret) FROM two_factor_auth WHERE user_id = ?", user.id()))
                .isEqualTo(1 + 12 + 20 + 16);
        assertThat(TestDatabase.count("SELECT count(*) FROM two_factor_auth WHERE user_id = ? AND position(? in secret) > 0",
                user.id(), secret)).isZero();
        assertThat(app.get("api/2fa", user.auth()).body()).contains("\"enabled\":false").contains("\"pending\":true");
        // pending is not in force yet
        assertThat(login(app, user.username(), AppClient.PASSWORD, null).statusCode()).isEqualTo(200);

        long now = Totp.step(Instant.now());
        HttpResponse<String> stale = app.post("api/2fa/enable", "{\"code\":\"" + Totp.code(secret, now - 5) + "\"}",
                user.auth());
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("\"field\":\"code\"");
        HttpResponse<String> malformed = app.post("api/2fa/enable", "{\"code\":\"12345\"}", user.auth());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"code\"");

        HttpResponse<String> enabled = app.post("api/2fa/enable", "{\"code\":\"" + Totp.code(secret, now) + "\"}",
                user.auth());
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        List<String> codes = SecurityClient.strings(enabled.body(), "backupCodes");
        assertThat(codes).hasSize(10);
        assertThat(new HashSet<>(codes)).hasSize(10);
        String firstHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(codes.get(0).replace("-", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(TestDatabase.count("SELECT count(*) FROM two_factor_auth WHERE user_id = ? AND enabled "
                + "AND position(? in backup_code_hashes) > 0 AND position(? in backup_code_hashes) = 0",
                user.id(), firstHash, codes.get(0))).isEqualTo(1);
        assertThat(app.get("api/2fa", user.auth()).body()).contains("\"enabled\":true").contains("\"backupCodesLeft\":10");

        // enabled: a second setup or enable is a conflict
        assertThat(app.post("api/2fa/setup", "{}", user.auth()).statusCode()).isEqualTo(409);
        assertThat(app.post("api/2fa/enable", "{\"code\":\"" + Totp.code(secret, now + 1) + "\"}", user.auth())
                .statusCode()).isEqualTo(409);
    }

    @Test
    void signInNeedsACurrentUnusedCodeOrABackupCodeOnce() {
        Enabled e = enable("tfa_login");
        String name = e.user().username();
        String ip = randomIp();

        HttpResponse<String> none = login(app, name, AppClient.PASSWORD, null, from(ip));
        assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(none.body()).contains("second-factor-required").contains("\"secondFactor\":\"required\"");

        // the code that enabled it was used: replay refused
        HttpResponse<String> replay = login(app, name, AppClient.PASSWORD,
                "\"totp\":\"" + Totp.code(e.secret(), e.step()) + "\"", from(ip));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("\"secondFactor\":\"invalid\"");

        // the next step's code is within the window (±1 step) and unused
        String next = Totp.code(e.secret(), e.step() + 1);
        HttpResponse<String> ok = login(app, name, AppClient.PASSWORD, "\"totp\":\"" + next + "\"", from(ip));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(login(app, name, AppClient.PASSWORD, "\"totp\":\"" + next + "\"", from(ip)).statusCode())
                .isEqualTo(401);

        // a backup code works once
        String backup = e.backupCodes().get(3);
        assertThat(login(app, name, AppClient.PASSWORD, "\"backupCode\":\"" + backup + "\"", from(ip)).statusCode())
                .isEqualTo(200);
        assertThat(login(app, name, AppClient.PASSWORD, "\"backupCode\":\"" + backup + "\"", from(ip)).statusCode())
                .isEqualTo(401);
        assertThat(app.get("api/2fa", e.user().auth()).body()).contains("\"backupCodesLeft\":9");

        // a wrong password is still the plain 401, whatever the code
        HttpResponse<String> wrong = login(app, name, "not the password at all",
                "\"backupCode\":\"" + e.backupCodes().get(4) + "\"", from(ip));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("second-factor");

        // missing factor not recorded; wrong factors and the wrong password recorded as failures
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND NOT success "
                + "AND ip = CAST(? AS inet)", name.toLowerCase(), ip)).isEqualTo(4);
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND success "
                + "AND ip = CAST(? AS inet)", name.toLowerCase(), ip)).isEqualTo(2);
    }

    @Test
    void disableWithTheWrongPasswordIs400ThenWithThePasswordTurnsItOff() {
        Enabled e = enable("tfa_off");
        HttpResponse<String> wrong = app.post("api/2fa/disable", "{\"password\":\"not the password at all\"}",
                e.user().auth());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"password\"");
        HttpResponse<String> nothing = app.post("api/2fa/disable", "{}", e.user().auth());
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("\"field\":\"code\"");

        HttpResponse<String> off = app.post("api/2fa/disable", "{\"password\":\"" + AppClient.PASSWORD + "\"}",
                e.user().auth());
        assertThat(off.statusCode()).as(off.body()).isEqualTo(204);
        assertThat(TestDatabase.count("SELECT count(*) FROM two_factor_auth WHERE user_id = ?", e.user().id())).isZero();
        assertThat(login(app, e.user().username(), AppClient.PASSWORD, null).statusCode()).isEqualTo(200);
        assertThat(app.post("api/2fa/disable", "{\"password\":\"" + AppClient.PASSWORD + "\"}", e.user().auth())
                .statusCode()).isEqualTo(409);
    }

    @Test
    void disableWithABackupCode() {
        Enabled e = enable("tfa_off_backup");
        HttpResponse<String> off = app.post("api/2fa/disable", "{\"code\":\"" + e.backupCodes().get(0) + "\"}",
                e.user().auth());
        assertThat(off.statusCode()).as(off.body()).isEqualTo(204);
        assertThat(login(app, e.user().username(), AppClient.PASSWORD, null).statusCode()).isEqualTo(200);
    }

    @Test
    void enableWithoutSetupIs409AndAnonymousIs401() {
        AppClient.User user = app.signUp("tfa_nosetup");
        assertThat(app.post("api/2fa/enable", "{\"code\":\"123456\"}", user.auth()).statusCode()).isEqualTo(409);
        assertThat(app.post("api/2fa/setup", "{}").statusCode()).isEqualTo(401);
    }
}
