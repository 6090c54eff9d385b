package com.muejam.application.security;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sign-in and rate-limit counters: {@code muejam_logins_total{outcome}}, {@code muejam_logins_throttled_total{by}}
 * (by username or address; one throttled sign-in may count for both) and
 * {@code muejam_rate_limited_writes_total{limit}} (the name of the write limit that answered 429).
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
    private Counter throttledByUsername;
    private Counter throttledByIp;

    @PostConstruct
    void register() {
        for (Outcome o : Outcome.values()) {
            logins.put(o, metrics.counter("muejam_logins_total", new Tag("outcome", o.label)));
        }
        throttledByUsername = metrics.counter("muejam_logins_throttled_total", new Tag("by", "username"));
        throttledByIp = metrics.counter("muejam_logins_throttled_total", new Tag("by", "ip"));
    }

    public void login(Outcome outcome) {
        logins.get(outcome).inc();
    }

    public void throttled(boolean byUsername, boolean byIp) {
        if (byUsername) {
            throttledByUsername.inc();
        }
        if (byIp) {
            throttledByIp.inc();
        }
    }

    public void rateLimited(String limitName) {
        metrics.counter("muejam_rate_limited_writes_total", new Tag("limit", limitName)).inc();
    }
}
