package com.muejam.domain.security;

import java.time.OffsetDateTime;
import java.util.List;

import com.muejam.domain.TimeCursor;

/** Sign-in attempts: lockout counts, history, retention. Lists are newest first, keyset-paged. */
public interface LoginAttemptRepository {

    /** Appends an attempt; {@code ip} an IPv4/IPv6 address. */
    void record(String username, String ip, boolean success, OffsetDateTime at);

    /** Failed attempts on this username since {@code since} (e.g. the last 15 minutes). */
    long failuresForUsernameSince(String username, OffsetDateTime since);

    /** Failed attempts from this address since {@code since}. */
    long failuresForIpSince(String ip, OffsetDateTime since);

    /**
     * The times of the newest failed attempts on this username since {@code since}, newest first, at most
     * {@code limit}: enough to tell whether a throttle applies and when its oldest counted failure leaves the window.
     * Read on the primary (a replica may lag behind the failures that count).
     */
    List<OffsetDateTime> recentFailureTimesForUsername(String username, OffsetDateTime since, int limit);

    /** As {@link #recentFailureTimesForUsername}, for failures from one address. */
    List<OffsetDateTime> recentFailureTimesForIp(String ip, OffsetDateTime since, int limit);

    List<LoginAttempt> historyForUsername(String username, TimeCursor before, int limit);

    List<LoginAttempt> attemptsForIp(String ip, TimeCursor before, int limit);

    /** All failures, newest first (security dashboard). */
    List<LoginAttempt> recentFailures(TimeCursor before, int limit);

    /** Retention: deletes up to {@code batch} attempts older than {@code before}; returns how many. */
    int purgeBefore(OffsetDateTime before, int batch);
}
