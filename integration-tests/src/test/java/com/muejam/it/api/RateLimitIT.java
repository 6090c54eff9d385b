package com.muejam.it.api;

import static com.muejam.it.api.SecurityClient.from;
import static com.muejam.it.api.SecurityClient.randomIp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;

/**
 * {@code @WriteRateLimited}: fixed windows counted in {@code rate_limit_entries} per limit name and caller. The
 * test server sets {@code RATE_LIMIT_2FA_SETUP=3} (only this test calls setup more than twice per user) and a
 * generous default for everything else.
 */
class RateLimitIT extends DeployedEarTest {

    private static final int LIMIT = 3;

    @Test
    void overTheLimitIs429WithRetryAfterPerUser() {
        AppClient.User user = app.signUp("limited");
        AppClient.User other = app.signUp("unlimited");
        double before = app.metric("muejam_rate_limited_writes_total", "limit=2fa.setup");
        // fixed windows: a boundary may fall between the calls, so allow one extra window's worth before the 429
        int ok = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 2 * LIMIT + 1 && refused == null; i++) {
            HttpResponse<String> r = app.post("api/2fa/setup", "{}", user.auth());
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                ok++;
            }
        }
        assertThat(refused).as("a 429 within " + (2 * LIMIT + 1) + " calls").isNotNull();
        assertThat(ok).isGreaterThanOrEqualTo(LIMIT);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("rate-limited").contains("\"limit\":\"2fa.setup\"");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(app.metric("muejam_rate_limited_writes_total", "limit=2fa.setup")).isEqualTo(before + 1);
        assertThat(TestDatabase.count("SELECT max(hit_count) FROM rate_limit_entries WHERE rate_key = ?",
                "2fa.setup:u:" + user.id())).isEqualTo(LIMIT);

        // the limit is per user: someone else is not affected
        assertThat(app.post("api/2fa/setup", "{}", other.auth()).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousWritesCountPerAddress() {
        String ip = randomIp();
        String username = "rl_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = app.post("api/auth/signup", "{\"username\":\"" + username + "\",\"password\":\""
                + AppClient.PASSWORD + "\"}", from(ip));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(TestDatabase.count("SELECT coalesce(sum(hit_count), 0) FROM rate_limit_entries WHERE rate_key = ?",
                "auth.signup:ip:" + ip)).isEqualTo(1);
        // signed in, the same kind of write counts against the user instead
        String token = app.signIn(username, AppClient.PASSWORD);
        long id = TestDatabase.count("SELECT id FROM user_profiles WHERE username = ?", username);
        assertThat(app.post("api/2fa/setup", "{}", "Authorization", "Bearer " + token, "X-Forwarded-For", ip)
                .statusCode()).isEqualTo(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM rate_limit_entries WHERE rate_key = ?",
                "2fa.setup:u:" + id)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM rate_limit_entries WHERE rate_key = ?",
                "2fa.setup:ip:" + ip)).isZero();
    }
}
