package com.muejam.application.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.domain.security.LoginAttemptRepository;

/**
 * Refuses a sign-in before any password work when the username or the address has too many failed attempts in the
 * sliding window ({@code LOGIN_MAX_FAILURES_PER_USERNAME}, default 5; {@code LOGIN_MAX_FAILURES_PER_IP}, default 20;
 * {@code LOGIN_FAILURE_WINDOW}, default 15 minutes). The counts come from {@code login_attempts} on the primary,
 * so every node agrees and no failure is missed to replica lag. Each dimension reads at most its limit's newest
 * failures: their number says whether the throttle applies, the oldest of them when it lifts.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    LoginAttemptRepository attempts;

    @Inject
    SecurityMetrics metrics;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_USERNAME", defaultValue = "5")
    int maxPerUsername;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_IP", defaultValue = "20")
    int maxPerIp;

    @Inject
    @ConfigProperty(name = "LOGIN_FAILURE_WINDOW", defaultValue = "PT15M")
    Duration window;

    /** Throws {@link LoginThrottledException} when either limit is reached; a limit of 0 or less is off. */
    public void check(String username, String ip, OffsetDateTime now) {
        OffsetDateTime since = now.minus(window);
        long byUsername = maxPerUsername > 0
                ? retryAfter(attempts.recentFailureTimesForUsername(username, since, maxPerUsername), maxPerUsername, now)
                : 0;
        long byIp = maxPerIp > 0 && ip != null
                ? retryAfter(attempts.recentFailureTimesForIp(ip, since, maxPerIp), maxPerIp, now)
                : 0;
        if (byUsername > 0 || byIp > 0) {
            metrics.throttled(byUsername > 0, byIp > 0);
            metrics.login(SecurityMetrics.Outcome.THROTTLED);
            String which = byUsername > 0 && byIp > 0 ? "this username and this address"
                    : byUsername > 0 ? "this username" : "this address";
            throw new LoginThrottledException("too many failed sign-ins for " + which + " in the last "
                    + window.toMinutes() + " minutes", Math.max(byUsername, byIp));
        }
    }

    /** 0 when fewer than {@code max} failures count, else the whole seconds until the oldest counted one leaves. */
    long retryAfter(List<OffsetDateTime> newestFirst, int max, OffsetDateTime now) {
        if (newestFirst.size() < max) {
            return 0;
        }
        OffsetDateTime leaves = newestFirst.get(newestFirst.size() - 1).plus(window);
        long millis = Duration.between(now, leaves).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
