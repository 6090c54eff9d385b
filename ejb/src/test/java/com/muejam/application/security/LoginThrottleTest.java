package com.muejam.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When the throttle applies and its Retry-After, without a database; and the per-name limit variables. */
class LoginThrottleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static LoginThrottle throttle() {
        LoginThrottle t = new LoginThrottle();
        t.window = Duration.ofMinutes(15);
        return t;
    }

    @Test
    void belowTheLimitNothingApplies() {
        assertThat(throttle().retryAfter(List.of(NOW.minusMinutes(1), NOW.minusMinutes(2)), 3, NOW)).isZero();
    }

    @Test
    void atTheLimitTheWaitRunsUntilTheOldestCountedFailureLeavesTheWindow() {
        List<OffsetDateTime> newestFirst = List.of(NOW.minusMinutes(1), NOW.minusMinutes(5), NOW.minusMinutes(14));
        assertThat(throttle().retryAfter(newestFirst, 3, NOW)).isEqualTo(60);
        // rounded up to whole seconds, never 0
        List<OffsetDateTime> leaving = List.of(NOW.minusMinutes(1), NOW.minus(Duration.ofMinutes(15).minusMillis(10)));
        assertThat(throttle().retryAfter(leaving, 2, NOW)).isEqualTo(1);
    }

    @Test
    void limitNamesBecomeVariables() {
        assertThat(WriteRateLimits.variable("story.create")).isEqualTo("RATE_LIMIT_STORY_CREATE");
        assertThat(WriteRateLimits.variable("2fa.setup")).isEqualTo("RATE_LIMIT_2FA_SETUP");
    }
}
