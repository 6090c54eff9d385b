package com.muejam.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.domain.ratelimit.RateLimitRepository;

/**
 * Reserves a password or second-factor check <em>before</em> it is made, in {@code rate_limit_entries}: one atomic
 * conditional upsert per counter ({@link RateLimitRepository#hitBelow}), so of any number of parallel attempts at
 * most the limit reach the check. Three counters per attempt, in fixed windows of {@code LOGIN_FAILURE_WINDOW}
 * (default 15 minutes, aligned to the clock):
 * <ul>
 * <li>the username from this address, {@code LOGIN_MAX_FAILURES_PER_USERNAME} (default 5): the ordinary lock, which
 * a stranger elsewhere cannot close for the owner;</li>
 * <li>the username from all addresses, {@code LOGIN_MAX_FAILURES_PER_USERNAME_GLOBAL} (default 50): the backstop
 * against guessing one account from many addresses;</li>
 * <li>the address, {@code LOGIN_MAX_FAILURES_PER_IP} (default 20): one address trying many usernames.</li>
 * </ul>
 * A reservation counts as a failure unless it is {@linkplain #release released}: a completed sign-in, or a right
 * password that still needs its second factor, gives it back. A refused attempt counts nowhere (its transaction
 * rolls back the counters it had already taken). A limit of 0 or less turns that counter off. Being fixed windows,
 * a burst at a window boundary can reach a check up to twice a limit; {@code Retry-After} is the window's end.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String PREFIX = "login.fail:";
    /** rate_key is varchar(200): longer subjects are counted by their SHA-256. */
    private static final int MAX_SUBJECT = 180;

    /** What a counter counts; its metric label and how a 429 names it. */
    public enum Scope {
        USERNAME_AND_ADDRESS("username_address", "ua", "this username from this address"),
        USERNAME("username", "u", "this username"),
        ADDRESS("ip", "ip", "this address");

        final String label;
        final String code;
        final String text;

        Scope(String label, String code, String text) {
            this.label = label;
            this.code = code;
            this.text = text;
        }
    }

    /** One counter an attempt is counted against: its key in {@code rate_limit_entries} and its limit. */
    record Counter(Scope scope, String key, int limit) {
    }

    /** The counters one attempt took, in the window it took them: what {@link #release} gives back. */
    public record Reservation(OffsetDateTime windowStart, List<String> keys) {
    }

    @Inject
    RateLimitRepository counters;

    @Inject
    SecurityMetrics metrics;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_USERNAME", defaultValue = "5")
    int maxPerUsernameAndAddress;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_USERNAME_GLOBAL", defaultValue = "50")
    int maxPerUsername;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_IP", defaultValue = "20")
    int maxPerIp;

    @Inject
    @ConfigProperty(name = "LOGIN_FAILURE_WINDOW", defaultValue = "PT15M")
    Duration window;

    /**
     * Takes one attempt on every counter of {@code username} from {@code ip}, or throws
     * {@link LoginThrottledException} (and takes none) when one of them is full. Its own short transaction, to be
     * called with no transaction open: it commits before any password work, and is then the request's only
     * primary connection.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Reservation reserve(String username, String ip) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = RateLimitRepository.windowStart(now, window);
        List<String> taken = new ArrayList<>(3);
        for (Counter c : counters(username, ip)) {
            if (counters.hitBelow(c.key(), start, c.limit()).isEmpty()) {
                metrics.throttled(c.scope().label);
                metrics.login(SecurityMetrics.Outcome.THROTTLED);
                // thrown inside the transaction: it rolls back the counters already taken
                throw new LoginThrottledException("too many failed sign-ins for " + c.scope().text + " in the last "
                        + describe(window), retryAfter(start, now));
            }
            taken.add(c.key());
        }
        return new Reservation(start, List.copyOf(taken));
    }

    /** Gives a reservation back (the attempt succeeded or is not a failure); joins the caller's transaction. */
    @Transactional
    public void release(Reservation reservation) {
        for (String key : reservation.keys()) {
            counters.unhit(key, reservation.windowStart());
        }
    }

    /** The counters of an attempt, in a fixed order (rows are always locked in that order: no deadlock). */
    List<Counter> counters(String username, String ip) {
        String user = normalize(username);
        String address = ip == null || ip.isBlank() ? null : ip.trim();
        List<Counter> list = new ArrayList<>(3);
        if (maxPerUsernameAndAddress > 0) {
            list.add(counter(Scope.USERNAME_AND_ADDRESS, user + "|" + (address == null ? "unknown" : address),
                    maxPerUsernameAndAddress));
        }
        if (maxPerUsername > 0) {
            list.add(counter(Scope.USERNAME, user, maxPerUsername));
        }
        if (maxPerIp > 0 && address != null) {
            list.add(counter(Scope.ADDRESS, address, maxPerIp));
        }
        return list;
    }

    static Counter counter(Scope scope, String subject, int limit) {
        return new Counter(scope, key(scope, subject), limit);
    }

    /** {@code login.fail:<scope>:<subject>}, the subject as its SHA-256 when it would not fit the column. */
    static String key(Scope scope, String subject) {
        String s = subject.length() > MAX_SUBJECT ? "#" + sha256(subject) : subject;
        return PREFIX + scope.code + ":" + s;
    }

    /** Usernames are counted as typed, trimmed and lower-cased (as {@code login_attempts} records them). */
    static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** Whole seconds until the window that started at {@code start} ends, at least 1. */
    long retryAfter(OffsetDateTime start, OffsetDateTime now) {
        long millis = Duration.between(now, start.plus(window)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    static String describe(Duration window) {
        long minutes = window.toMinutes();
        return minutes >= 1 && window.toSecondsPart() == 0 ? minutes + (minutes == 1 ? " minute" : " minutes")
                : window.toSeconds() + " seconds";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
