package com.muejam.it.api;

import static com.muejam.it.api.SecurityClient.from;
import static com.muejam.it.api.SecurityClient.login;
import static com.muejam.it.api.SecurityClient.randomIp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.application.security.Base32;
import com.muejam.application.security.Totp;
import com.muejam.it.routing.AppClient;

/**
 * The sign-in throttle reserves an attempt before the password is checked (an atomic counter upsert), so parallel
 * guesses cannot slip past it; it counts the username per address (5), the username everywhere (50) and the address
 * (20), so a stranger cannot lock the owner out; {@code POST /api/2fa/disable} takes the same counters; a failed or
 * throttled attempt tells an unknown username and a wrong password apart by nothing in the answer.
 * {@code muejam_password_checks_total} counts the PBKDF2 verifications that were made.
 */
class LoginThrottleIT extends DeployedEarTest {

    private static final String WRONG = "not the password at all";
    private static final int PER_ADDRESS = 5;
    private static final long WINDOW_SECONDS = 15 * 60;

    /** Fixed 15-minute windows: a burst that straddles a boundary may count twice, so start well inside one. */
    private static void awayFromAWindowBoundary() throws InterruptedException {
        long intoWindow = Instant.now().getEpochSecond() % WINDOW_SECONDS;
        if (intoWindow > WINDOW_SECONDS - 20) {
            Thread.sleep((WINDOW_SECONDS - intoWindow + 1) * 1000);
        }
    }

    private double checks() {
        return app.metric("muejam_password_checks_total");
    }

    @Test
    void fiftyParallelWrongPasswordsReachTheCheckAtMostFiveTimesAndTheOwnerElsewhereStillSignsIn() throws Exception {
        AppClient.User user = app.signUp("parallel");
        String name = user.username().toLowerCase();
        String stranger = randomIp();
        awayFromAWindowBoundary();
        double checksBefore = checks();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return login(app, user.username(), WRONG, null, from(stranger));
                }));
            }
            go.countDown();
            int unauthorized = 0;
            int throttled = 0;
            for (Future<HttpResponse<String>> f : calls) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 401) {
                    unauthorized++;
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
                    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(r.body()).contains("login-throttled").contains("this username from this address");
                    assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
                            .isBetween(1L, WINDOW_SECONDS);
                    throttled++;
                }
            }
            System.out.printf("50 parallel wrong passwords: %d checked (401), %d throttled (429), %.0f ms%n",
                    unauthorized, throttled, (System.nanoTime() - t0) / 1e6);
            assertThat(unauthorized).isEqualTo(PER_ADDRESS);
            assertThat(throttled).isEqualTo(50 - PER_ADDRESS);
        } finally {
            pool.shutdownNow();
        }
        // exactly the five reached PBKDF2 (no other test runs meanwhile) and were recorded; the 45 were not
        assertThat(checks() - checksBefore).isEqualTo(PER_ADDRESS);
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND NOT success "
                + "AND ip = CAST(? AS inet)", name, stranger)).isEqualTo(PER_ADDRESS);
        assertThat(TestDatabase.count("SELECT max(hit_count) FROM rate_limit_entries WHERE rate_key = ?",
                "login.fail:ua:" + name + "|" + stranger)).isEqualTo(PER_ADDRESS);

        // the right password from the stranger's address is throttled too (and checks nothing)...
        double checksNow = checks();
        assertThat(login(app, user.username(), AppClient.PASSWORD, null, from(stranger)).statusCode()).isEqualTo(429);
        assertThat(checks()).isEqualTo(checksNow);
        // ...but the owner from another address is not locked out: the username is far below its backstop
        HttpResponse<String> owner = login(app, user.username(), AppClient.PASSWORD, null, from(randomIp()));
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
    }

    @Test
    void fiftyFailuresFromManyAddressesCloseTheUsernameEverywhere() throws Exception {
        AppClient.User user = app.signUp("backstop");
        awayFromAWindowBoundary();
        for (int a = 0; a < 10; a++) {
            String ip = randomIp();
            for (int i = 0; i < PER_ADDRESS; i++) {
                HttpResponse<String> r = login(app, user.username(), WRONG, null, from(ip));
                assertThat(r.statusCode()).as("address %d attempt %d: %s", a, i, r.body()).isEqualTo(401);
            }
        }
        double throttledBefore = app.metric("muejam_logins_throttled_total", "by=username");
        HttpResponse<String> r = login(app, user.username(), AppClient.PASSWORD, null, from(randomIp()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.body()).contains("login-throttled").contains("for this username in the last");
        assertThat(app.metric("muejam_logins_throttled_total", "by=username")).isEqualTo(throttledBefore + 1);
    }

    @Test
    void anUnknownUsernameAndAWrongPasswordGetTheSameProblem() throws Exception {
        AppClient.User user = app.signUp("same");
        String nobody = "nobody_" + UUID.randomUUID().toString().substring(0, 8);
        String ip = randomIp();
        awayFromAWindowBoundary();
        double checksBefore = checks();
        long wrongNanos = 0;
        long unknownNanos = 0;
        HttpResponse<String> wrong = null;
        HttpResponse<String> unknown = null;
        for (int i = 0; i < PER_ADDRESS; i++) {
            long t = System.nanoTime();
            wrong = login(app, user.username(), WRONG, null, from(ip));
            wrongNanos += System.nanoTime() - t;
            t = System.nanoTime();
            unknown = login(app, nobody, WRONG, null, from(ip));
            unknownNanos += System.nanoTime() - t;
        }
        System.out.printf("mean answer: wrong password %.1f ms, unknown username %.1f ms (not asserted)%n",
                wrongNanos / 5e6, unknownNanos / 5e6);
        // the unknown username cost a verification too (against the dummy hash)
        assertThat(checks() - checksBefore).isEqualTo(2 * PER_ADDRESS);
        assertSameProblem(wrong, unknown, 401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(unknown.headers().firstValue("WWW-Authenticate"));
        // throttled: the same again
        HttpResponse<String> wrongThrottled = login(app, user.username(), WRONG, null, from(ip));
        HttpResponse<String> unknownThrottled = login(app, nobody, WRONG, null, from(ip));
        assertSameProblem(wrongThrottled, unknownThrottled, 429);
    }

    private static void assertSameProblem(HttpResponse<String> a, HttpResponse<String> b, int status) {
        assertThat(a.statusCode()).as(a.body()).isEqualTo(status);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(status);
        assertThat(a.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(b.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        for (String field : List.of("type", "title", "detail")) {
            assertThat(SecurityClient.string(b.body(), field)).as(field).isNotNull()
                    .isEqualTo(SecurityClient.string(a.body(), field));
        }
    }

    @Test
    void disablingTwoFactorIsThrottledOnTheSignInCounters() {
        AppClient.User user = app.signUp("tfa_throttle");
        HttpResponse<String> setup = app.post("api/2fa/setup", "{}", user.auth());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        byte[] secret = Base32.decode(SecurityClient.string(setup.body(), "secret"));
        HttpResponse<String> enabled = app.post("api/2fa/enable",
                "{\"code\":\"" + Totp.code(secret, Totp.step(Instant.now())) + "\"}", user.auth());
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        String backup = SecurityClient.strings(enabled.body(), "backupCodes").get(0);
        String ip = randomIp();
        double checksBefore = checks();

        for (int i = 0; i < PER_ADDRESS; i++) {
            HttpResponse<String> r = app.post("api/2fa/disable", "{\"password\":\"" + WRONG + "\"}",
                    user.auth("X-Forwarded-For", ip));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"password\"");
        }
        assertThat(checks() - checksBefore).isEqualTo(PER_ADDRESS);
        // now even the right password, or a code, is refused from this address without a check
        for (String body : List.of("{\"password\":\"" + AppClient.PASSWORD + "\"}", "{\"code\":\"" + backup + "\"}")) {
            HttpResponse<String> r = app.post("api/2fa/disable", body, user.auth("X-Forwarded-For", ip));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(r.body()).contains("login-throttled");
        }
        assertThat(checks() - checksBefore).isEqualTo(PER_ADDRESS);
        assertThat(TestDatabase.count("SELECT count(*) FROM two_factor_auth WHERE user_id = ? AND enabled",
                user.id())).isEqualTo(1);
        // the same counters as sign-in: signing in from that address is throttled as well
        assertThat(login(app, user.username(), AppClient.PASSWORD, null, from(ip)).statusCode()).isEqualTo(429);
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND NOT success "
                + "AND ip = CAST(? AS inet)", user.username().toLowerCase(), ip)).isEqualTo(PER_ADDRESS);

        // from elsewhere the backup code still works, and a successful disable is given back
        String elsewhere = randomIp();
        HttpResponse<String> off = app.post("api/2fa/disable", "{\"code\":\"" + backup + "\"}",
                user.auth("X-Forwarded-For", elsewhere));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(204);
        assertThat(TestDatabase.count("SELECT coalesce(max(hit_count), 0) FROM rate_limit_entries WHERE rate_key = ?",
                "login.fail:ua:" + user.username().toLowerCase() + "|" + elsewhere)).isZero();
    }
}
