package com.muejam.infrastructure.routing;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.cache.BreakerState;
import com.muejam.cache.SharedMarks;
import com.muejam.cache.TwoTierCacheManager;
import com.muejam.infrastructure.caching.AppCache;

/**
 * Each signed-in user's last commit position, kept in Redis for {@code READ_YOUR_WRITES_USER_WINDOW} (default
 * 5 s; {@code 0} turns it off) after the commit, on every node. A user's reads on any node and any device then
 * see that user's own writes, without the {@code MueJam-Consistency} token the writing client holds. While Redis
 * cannot be asked the position is unknown and the user's reads go to the primary (fresh, at the primary's cost),
 * and they stay there for one more window after Redis answers again on this node: a commit made during the outage
 * could not be recorded, and Redis may have come back empty.
 */
@ApplicationScoped
public class UserCommitPositions {

    /** The answer of {@link #lastCommitOf} while Redis cannot be asked: read from the primary. */
    public static final long UNKNOWN = Long.MAX_VALUE;

    @Inject
    @AppCache
    TwoTierCacheManager cache;

    @Inject
    @ConfigProperty(name = "READ_YOUR_WRITES_USER_WINDOW", defaultValue = "5s")
    String window;

    private SharedMarks marks;
    private long windowNanos;
    /** When this node last failed to read or record a position (System.nanoTime()); 0 if never. */
    private volatile long lastUnavailable;

    @PostConstruct
    void open() {
        Duration w = RoutingSettings.parseDuration(window, "READ_YOUR_WRITES_USER_WINDOW");
        marks = w.isZero() ? null : cache.marks("user-commit", w);
        windowNanos = w.toNanos();
    }

    public boolean enabled() {
        return marks != null;
    }

    /** The user's commit position within the window, {@link Lsn#NONE}, or {@link #UNKNOWN}. */
    public long lastCommitOf(long userId) {
        if (marks == null) {
            return Lsn.NONE;
        }
        if (cache.l2State() != BreakerState.CLOSED) {
            unavailable();
            return UNKNOWN;
        }
        if (recentlyUnavailable()) {
            return UNKNOWN;
        }
        long v = marks.read(Long.toString(userId));
        if (v == SharedMarks.UNAVAILABLE) {
            unavailable();
            return UNKNOWN;
        }
        return v == SharedMarks.ABSENT ? Lsn.NONE : v;
    }

    /** Records a commit of the user at {@code lsn}; lost (harmlessly for the writer's own client) while Redis is down. */
    public void committed(long userId, long lsn) {
        if (marks != null && lsn != Lsn.NONE && lsn != UNKNOWN) {
            if (!marks.raise(Long.toString(userId), lsn)) {
                unavailable();
            }
        }
    }

    private void unavailable() {
        long now = System.nanoTime();
        lastUnavailable = now == 0 ? 1 : now;
    }

    private boolean recentlyUnavailable() {
        long t = lastUnavailable;
        return t != 0 && System.nanoTime() - t < windowNanos;
    }
}
