package com.muejam.application.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.domain.ratelimit.RateLimitRepository;

/**
 * Fixed-window write limits kept in {@code rate_limit_entries}, so every node counts against the same row: one
 * atomic upsert on the primary per limited request ({@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}), no
 * read-modify-write. The key is the limit's name and the caller: {@code <name>:u:<userId>} when signed in, else
 * {@code <name>:ip:<address>}. Limits: {@code RATE_LIMIT_<NAME>} per name (upper-cased, other characters as
 * {@code _}: {@code story.create} is {@code RATE_LIMIT_STORY_CREATE}), else {@code RATE_LIMIT_WRITES_PER_MINUTE}
 * (default 60), per {@code RATE_LIMIT_WINDOW} (default one minute; windows align to the epoch). A limit of 0 or less
 * turns that limit off. Read at every call, so a system property changed on a running server applies at once.
 */
@ApplicationScoped
public class WriteRateLimits {

    private static final int MAX_NAME = 64;

    @Inject
    RateLimitRepository counters;

    @Inject
    SecurityMetrics metrics;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WINDOW", defaultValue = "PT1M")
    Duration window;

    /**
     * Counts one call of limit {@code name} by the caller and throws {@link RateLimitExceededException} when that
     * exceeds the limit. Its own transaction: the count stands whatever the request does next.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void hit(String name, Long userId, String ip) {
        int limit = limit(name);
        if (limit <= 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = RateLimitRepository.windowStart(now, window);
        String subject = userId != null ? "u:" + userId : "ip:" + (ip == null ? "unknown" : ip);
        int count = counters.hit(name + ":" + subject, start);
        if (count > limit) {
            long millis = Duration.between(now, start.plus(window)).toMillis();
            metrics.rateLimited(name);
            throw new RateLimitExceededException(name, limit, Math.max(1, (millis + 999) / 1000));
        }
    }

    /** The configured limit per window of {@code name}. */
    public int limit(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a rate limit name has 1 to " + MAX_NAME + " characters: " + name);
        }
        Optional<Integer> specific = config.getOptionalValue(variable(name), Integer.class);
        return specific.orElseGet(() -> config.getOptionalValue("RATE_LIMIT_WRITES_PER_MINUTE", Integer.class)
                .orElse(60));
    }

    /** {@code story.create} → {@code RATE_LIMIT_STORY_CREATE}. */
    public static String variable(String name) {
        return "RATE_LIMIT_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
