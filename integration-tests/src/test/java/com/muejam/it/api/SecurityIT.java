package com.muejam.it.api;

import static com.muejam.it.api.SecurityClient.from;
import static com.muejam.it.api.SecurityClient.login;
import static com.muejam.it.api.SecurityClient.randomIp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;

/**
 * Sign-in throttling: failures per username from one address, per username and per address within the window
 * (defaults: 5, 50 and 20 in 15 minutes) answer 429 with Retry-After before any password check; throttled attempts
 * are not recorded. LoginThrottleIT covers parallel attempts, the backstop and two-factor changes. Each test
 * sends its own client address (X-Forwarded-For, trusted from the test JVM), so it throttles nobody else.
 */
class SecurityIT extends DeployedEarTest {

    private static final String WRONG = "not the password at all";

    @Test
    void fiveFailuresOnAUsernameFromOneAddressThrottleEvenTheRightPasswordFromThere() {
        AppClient.User user = app.signUp("throttle");
        String name = user.username().toLowerCase();
        String ip = randomIp();
        double throttledBefore = app.metric("muejam_logins_throttled_total", "by=username_address");
        double failuresBefore = app.metric("muejam_logins_total", "outcome=failure");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = login(app, user.username(), WRONG, null, from(ip));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        }
        HttpResponse<String> throttled = login(app, user.username(), AppClient.PASSWORD, null, from(ip));
        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(throttled.body()).contains("login-throttled").contains("this username from this address");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(throttled.body()).contains("\"retryAfter\":" + retryAfter);

        // the throttled attempt was not recorded: 1 success (signUp) and the 5 failures
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND NOT success", name))
                .isEqualTo(5);
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND success", name))
                .isEqualTo(1);
        assertThat(app.metric("muejam_logins_throttled_total", "by=username_address")).isEqualTo(throttledBefore + 1);
        assertThat(app.metric("muejam_logins_total", "outcome=failure")).isGreaterThanOrEqualTo(failuresBefore + 5);
        assertThat(app.metric("muejam_logins_total", "outcome=throttled")).isPositive();

        // a stranger's failures do not lock the owner out elsewhere
        HttpResponse<String> elsewhere = login(app, user.username(), AppClient.PASSWORD, null, from(randomIp()));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
    }

    @Test
    void theThrottleLiftsWhenItsWindowEnds() {
        AppClient.User user = app.signUp("retry");
        String name = user.username().toLowerCase();
        String ip = randomIp();
        for (int i = 0; i < 5; i++) {
            assertThat(login(app, user.username(), WRONG, null, from(ip)).statusCode()).isEqualTo(401);
        }
        assertThat(login(app, user.username(), AppClient.PASSWORD, null, from(ip)).statusCode()).isEqualTo(429);
        // move this address's counter into the previous window: the current one holds no failures then
        assertThat(TestDatabase.update("UPDATE rate_limit_entries SET window_start = window_start - interval "
                + "'15 minutes' WHERE rate_key = ?", "login.fail:ua:" + name + "|" + ip)).isEqualTo(1);
        HttpResponse<String> ok = login(app, user.username(), AppClient.PASSWORD, null, from(ip));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    @Test
    void twentyFailuresFromOneAddressThrottleThatAddressOnly() {
        AppClient.User user = app.signUp("ipthrottle");
        String ip = randomIp();
        double before = app.metric("muejam_logins_throttled_total", "by=ip");
        for (int i = 0; i < 20; i++) {
            // twenty different (unknown) usernames: only the address ties them together
            String nobody = "nobody_" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(login(app, nobody, WRONG, null, from(ip)).statusCode()).isEqualTo(401);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE ip = CAST(? AS inet) AND NOT success",
                ip)).isEqualTo(20);
        HttpResponse<String> throttled = login(app, user.username(), AppClient.PASSWORD, null, from(ip));
        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.body()).contains("this address");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(app.metric("muejam_logins_throttled_total", "by=ip")).isEqualTo(before + 1);

        // the same user from another address is not affected
        HttpResponse<String> elsewhere = login(app, user.username(), AppClient.PASSWORD, null, from(randomIp()));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
    }

    @Test
    void attemptsAreRecordedWithTheForwardedClientAddress() {
        AppClient.User user = app.signUp("recorded");
        String ip = randomIp();
        double successes = app.metric("muejam_logins_total", "outcome=success");
        assertThat(login(app, user.username(), AppClient.PASSWORD, null, from(ip)).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND success "
                + "AND ip = CAST(? AS inet)", user.username().toLowerCase(), ip)).isEqualTo(1);
        assertThat(app.metric("muejam_logins_total", "outcome=success")).isGreaterThanOrEqualTo(successes + 1);
    }

    @Test
    void aMalformedSecondFactorIs400NamingTheField() {
        HttpResponse<String> r = login(app, "someone", WRONG, "\"totp\":\"12ab\"", from(randomIp()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"totp\"");
    }
}
