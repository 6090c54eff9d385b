package com.muejam.cache.internal;

import com.muejam.cache.BreakerState;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consecutive-failure circuit breaker. Closed: calls go to Redis. After {@code threshold} failures in a row it
 * opens and calls are refused at once (no waiting on a dead server); the node's probe moves it to half-open when
 * Redis answers again and closes it once the node has resynchronised.
 */
final class Breaker {

    private final int threshold;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong opened = new AtomicLong();
    private volatile BreakerState state;
    private final Runnable onOpen;

    public Breaker(int threshold, BreakerState initial, Runnable onOpen) {
        this.threshold = threshold;
        this.state = initial;
        this.onOpen = onOpen;
    }

    public boolean allowsRequests() {
        return state == BreakerState.CLOSED;
    }

    public BreakerState state() {
        return state;
    }

    /** How many times the breaker opened. */
    public long timesOpened() {
        return opened.get();
    }

    void onSuccess() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
    }

    void onFailure() {
        if (consecutiveFailures.incrementAndGet() >= threshold) {
            open();
        }
    }

    /** Opens at once (a lost subscription, a failed resynchronisation). */
    public void open() {
        boolean wasClosed;
        synchronized (this) {
            wasClosed = state == BreakerState.CLOSED;
            state = BreakerState.OPEN;
        }
        if (wasClosed) {
            opened.incrementAndGet();
            onOpen.run();
        }
    }

    /** Open to half-open; false if the breaker was not open. */
    public synchronized boolean tryHalfOpen() {
        if (state != BreakerState.OPEN) {
            return false;
        }
        state = BreakerState.HALF_OPEN;
        return true;
    }

    public synchronized void close() {
        consecutiveFailures.set(0);
        state = BreakerState.CLOSED;
    }

    /** Half-open back to open after a failed probe or resynchronisation. */
    public synchronized void reopen() {
        state = BreakerState.OPEN;
    }
}
