package com.muejam.application.security;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sign-in and rate-limit counters: {@code muejam_logins_total{outcome}}, {@code muejam_logins_throttled_total{by}}
 * (the counter that refused: {@code username_address}, {@code username} or {@code ip}),
 * {@code muejam_password_checks_total} (PBKDF2 verifications made for sign-ins and second-factor changes, the
 * unknown-username dummy included: what the throttle bounds) and {@code muejam_rate_limited_writes_total{limit}}
 * (the name of the write limit that answered 429).
 */
@ApplicationScoped
public class SecurityMetrics {

    /** How a sign-in attempt ended. */
    public enum Outcome {
        SUCCESS("success"), FAILURE("failure"), THROTTLED("throttled"),
        SECOND_FACTOR_REQUIRED("second_factor_required");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    @Inject
    MetricRegistry metrics;

    private final Map<Outcome, Counter> logins = new EnumMap<>(Outcome.class);
    private final Map<String, Counter> throttled = new HashMap<>();
    private Counter passwordChecks;

    @PostConstruct
    void register() {
        for (Outcome o : Outcome.values()) {
            logins.put(o, metrics.counter("muejam_logins_total", new Tag("outcome", o.label)));
        }
        for (LoginThrottle.Scope s : LoginThrottle.Scope.values()) {
            throttled.put(s.label, metrics.counter("muejam_logins_throttled_total", new Tag("by", s.label)));
        }
        passwordChecks = metrics.counter("muejam_password_checks_total");
    }

    public void login(Outcome outcome) {
        logins.get(outcome).inc();
    }

    /** A sign-in or second-factor change refused by the counter labelled {@code by}. */
    public void throttled(String by) {
        throttled.get(by).inc();
    }

    /** One password verification (PBKDF2) was made. */
    public void passwordChecked() {
        passwordChecks.inc();
    }

    public void rateLimited(String limitName) {
        metrics.counter("muejam_rate_limited_writes_total", new Tag("limit", limitName)).inc();
    }
}
