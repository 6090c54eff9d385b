package com.muejam.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one scenario run saw, as the virtual users record it after each response: latency (ms) over the whole run
 * and per second since the start, and answers by status code (0 = no HTTP answer: connection refused, reset or
 * timed out).
 */
public final class Timeline {

    private static final int MAX_SECONDS = 3600;

    private final long startNanos = System.nanoTime();
    private final ConcurrentHistogram all = new ConcurrentHistogram(3_600_000L, 3);
    private final AtomicReferenceArray<ConcurrentHistogram> perSecond = new AtomicReferenceArray<>(MAX_SECONDS);
    private final AtomicReferenceArray<LongAdder> lostPerSecond = new AtomicReferenceArray<>(MAX_SECONDS);
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong inFlight = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean overloaded;
    private final LongAdder crossChecks = new LongAdder();
    private final LongAdder staleSameUser = new LongAdder();
    private final LongAdder staleAnonymous = new LongAdder();
    private final LongAdder crossSkipped = new LongAdder();

    /** One read-back on the other node: was it older than the edit this cycle made? */
    public void readBack(boolean sameUser, boolean stale) {
        crossChecks.increment();
        if (stale) {
            (sameUser ? staleSameUser : staleAnonymous).increment();
        }
    }

    public void crossSkipped() {
        crossSkipped.increment();
    }

    public long crossChecks() {
        return crossChecks.sum();
    }

    public long staleSameUser() {
        return staleSameUser.sum();
    }

    public long staleAnonymous() {
        return staleAnonymous.sum();
    }

    public long crossSkippedCount() {
        return crossSkipped.sum();
    }

    /** A request is about to be sent. */
    public void sending() {
        inFlight.incrementAndGet();
    }

    /** Requests sent and not answered yet. */
    public long inFlight() {
        return inFlight.get();
    }

    /** The run was stopped early because too many requests were waiting (the server could not keep up). */
    public boolean overloaded() {
        return overloaded;
    }

    void markOverloaded() {
        overloaded = true;
    }

    /** One answer: its status (0 for none) and response time in milliseconds. */
    public void record(int status, long millis) {
        inFlight.decrementAndGet();
        long ms = Math.max(0, Math.min(millis, 3_600_000L));
        all.recordValue(ms);
        int second = (int) Math.min(MAX_SECONDS - 1, (System.nanoTime() - startNanos) / 1_000_000_000L);
        ConcurrentHistogram h = perSecond.get(second);
        if (h == null) {
            perSecond.compareAndSet(second, null, new ConcurrentHistogram(3_600_000L, 2));
            h = perSecond.get(second);
        }
        h.recordValue(ms);
        byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        if (lost(status)) {
            LongAdder a = lostPerSecond.get(second);
            if (a == null) {
                lostPerSecond.compareAndSet(second, null, new LongAdder());
                a = lostPerSecond.get(second);
            }
            a.increment();
        }
    }

    /**
     * A request the platform failed: no answer, or any status other than 2xx and the documented refusals (409 a
     * racing edit, 429 a rate limit, 503 with Retry-After when no connection is free in time).
     */
    public static boolean lost(int status) {
        return !(status >= 200 && status < 300) && status != 409 && status != 429 && status != 503;
    }

    public Histogram all() {
        return all;
    }

    public long seconds() {
        for (int s = MAX_SECONDS - 1; s >= 0; s--) {
            if (perSecond.get(s) != null) {
                return s + 1;
            }
        }
        return 0;
    }

    /** The histogram of second {@code s} (empty when nothing completed then). */
    public Histogram second(int s) {
        ConcurrentHistogram h = perSecond.get(s);
        return h == null ? new Histogram(3_600_000L, 2) : h;
    }

    public long lostIn(int s) {
        LongAdder a = lostPerSecond.get(s);
        return a == null ? 0 : a.sum();
    }

    public Map<Integer, Long> byStatus() {
        Map<Integer, Long> out = new TreeMap<>();
        byStatus.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long count(int fromStatus, int toStatus) {
        return byStatus().entrySet().stream().filter(e -> e.getKey() >= fromStatus && e.getKey() <= toStatus)
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long lost() {
        return byStatus().entrySet().stream().filter(e -> lost(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
