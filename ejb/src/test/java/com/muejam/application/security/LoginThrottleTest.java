package com.muejam.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import com.muejam.domain.ratelimit.RateLimitEntry;
import com.muejam.domain.ratelimit.RateLimitRepository;

/**
 * The throttle's policy without a database: which counters an attempt takes (and their keys and limits), when a
 * full one refuses and its Retry-After, giving a reservation back; and the per-name write limit variables. The
 * atomicity of the counters themselves is PostgreSQL's (repository test, and LoginThrottleIT in the container).
 */
class LoginThrottleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 1, 12, 7, 30, 0, ZoneOffset.UTC);

    /** Counts like the conditional upsert does, in memory. */
    static final class Counters implements RateLimitRepository {
        final Map<String, Integer> counts = new HashMap<>();

        @Override
        public Optional<RateLimitEntry> find(String key, OffsetDateTime windowStart) {
            return Optional.empty();
        }

        @Override
        public int hit(String key, OffsetDateTime windowStart) {
            return counts.merge(key + "@" + windowStart, 1, Integer::sum);
        }

        @Override
        public OptionalInt hitBelow(String key, OffsetDateTime windowStart, int max) {
            int now = counts.getOrDefault(key + "@" + windowStart, 0);
            if (now >= max) {
                return OptionalInt.empty();
            }
            counts.put(key + "@" + windowStart, now + 1);
            return OptionalInt.of(now + 1);
        }

        @Override
        public void unhit(String key, OffsetDateTime windowStart) {
            counts.computeIfPresent(key + "@" + windowStart, (k, v) -> Math.max(0, v - 1));
        }

        @Override
        public int purgeBefore(OffsetDateTime before, int batch) {
            return 0;
        }

        int total(String key) {
            return counts.entrySet().stream().filter(e -> e.getKey().startsWith(key + "@"))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    private static LoginThrottle throttle(Counters counters) {
        LoginThrottle t = new LoginThrottle();
        t.window = Duration.ofMinutes(15);
        t.maxPerUsernameAndAddress = 5;
        t.maxPerUsername = 50;
        t.maxPerIp = 20;
        t.counters = counters;
        t.metrics = new SecurityMetrics() {
            @Override
            public void login(Outcome outcome) {
            }

            @Override
            public void throttled(String by) {
            }
        };
        return t;
    }

    @Test
    void anAttemptTakesTheUsernameFromThisAddressTheUsernameAndTheAddressInThatOrder() {
        var list = throttle(new Counters()).counters("  Alice ", "203.0.113.9");
        assertThat(list).extracting(LoginThrottle.Counter::key).containsExactly(
                "login.fail:ua:alice|203.0.113.9", "login.fail:u:alice", "login.fail:ip:203.0.113.9");
        assertThat(list).extracting(LoginThrottle.Counter::limit).containsExactly(5, 50, 20);
    }

    @Test
    void aLimitOfZeroIsOffAndNoAddressCountsNoAddressCounter() {
        LoginThrottle t = throttle(new Counters());
        t.maxPerUsername = 0;
        assertThat(t.counters("bob", null)).extracting(LoginThrottle.Counter::key)
                .containsExactly("login.fail:ua:bob|unknown");
    }

    @Test
    void aLongUsernameIsCountedByItsHashAndStillFitsTheColumn() {
        String key = LoginThrottle.key(LoginThrottle.Scope.USERNAME_AND_ADDRESS, "x".repeat(254) + "|2001:db8::1");
        assertThat(key).startsWith("login.fail:ua:#").hasSize("login.fail:ua:#".length() + 64);
        assertThat(LoginThrottle.key(LoginThrottle.Scope.USERNAME, "y".repeat(254)))
                .isNotEqualTo(LoginThrottle.key(LoginThrottle.Scope.USERNAME, "y".repeat(253)));
    }

    @Test
    void theSixthAttemptFromOneAddressIsRefusedAndAnotherAddressStillPasses() {
        Counters counters = new Counters();
        LoginThrottle t = throttle(counters);
        for (int i = 0; i < 5; i++) {
            t.reserve("carol", "203.0.113.9");
        }
        assertThatThrownBy(() -> t.reserve("carol", "203.0.113.9")).isInstanceOf(LoginThrottledException.class)
                .hasMessageContaining("this username from this address").hasMessageContaining("15 minutes");
        assertThat(counters.total("login.fail:u:carol")).isEqualTo(5);
        // the owner elsewhere: the username is below its global backstop
        assertThat(t.reserve("carol", "198.51.100.7").keys()).hasSize(3);
    }

    @Test
    void theGlobalBackstopRefusesTheUsernameFromAnyAddress() {
        LoginThrottle t = throttle(new Counters());
        t.maxPerUsername = 3;
        t.reserve("dave", "192.0.2.1");
        t.reserve("dave", "192.0.2.2");
        t.reserve("dave", "192.0.2.3");
        assertThatThrownBy(() -> t.reserve("dave", "192.0.2.4")).isInstanceOf(LoginThrottledException.class)
                .hasMessageContaining("for this username in the last");
    }

    @Test
    void theAddressLimitRefusesAnyUsernameFromThatAddress() {
        LoginThrottle t = throttle(new Counters());
        t.maxPerIp = 2;
        t.reserve("u1", "192.0.2.9");
        t.reserve("u2", "192.0.2.9");
        assertThatThrownBy(() -> t.reserve("u3", "192.0.2.9")).isInstanceOf(LoginThrottledException.class)
                .hasMessageContaining("this address");
    }

    @Test
    void aReleasedReservationDoesNotCount() {
        Counters counters = new Counters();
        LoginThrottle t = throttle(counters);
        for (int i = 0; i < 20; i++) {
            t.release(t.reserve("erin", "203.0.113.5"));
        }
        assertThat(counters.total("login.fail:ua:erin|203.0.113.5")).isZero();
        assertThat(t.reserve("erin", "203.0.113.5").keys()).hasSize(3);
    }

    @Test
    void retryAfterRunsToTheEndOfTheFixedWindowInWholeSeconds() {
        LoginThrottle t = throttle(new Counters());
        OffsetDateTime start = RateLimitRepository.windowStart(NOW, t.window);
        assertThat(start).isEqualTo(NOW.withMinute(0).withSecond(0));
        assertThat(t.retryAfter(start, NOW)).isEqualTo(7 * 60 + 30);
        assertThat(t.retryAfter(start, start.plus(t.window).minusNanos(10_000_000))).isEqualTo(1);
        assertThat(t.retryAfter(start, start.plus(t.window))).isEqualTo(1);
    }

    @Test
    void windowsAreDescribedForHumans() {
        assertThat(LoginThrottle.describe(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(LoginThrottle.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(LoginThrottle.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }

    @Test
    void anUnmatchableHashMatchesNoPasswordAndCostsARealVerification() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        String dummy = PasswordHasher.unmatchable(1_000);
        assertThat(dummy).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(PasswordHasher.unmatchable(1_000));
        assertThat(hasher.verify("".toCharArray(), dummy)).isFalse();
        assertThat(hasher.verify("password".toCharArray(), dummy)).isFalse();
        assertThat(hasher.verify("password".toCharArray(), hasher.hash("password".toCharArray()))).isTrue();
    }

    @Test
    void limitNamesBecomeVariables() {
        assertThat(WriteRateLimits.variable("story.create")).isEqualTo("RATE_LIMIT_STORY_CREATE");
        assertThat(WriteRateLimits.variable("2fa.setup")).isEqualTo("RATE_LIMIT_2FA_SETUP");
    }
}
