package com.muejam.interfaces.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines an operator keeps the data tier inside, the same as in {@code server-config/monitoring/muejam-alerts.yml},
 * and the flags raised when a snapshot crosses one.
 */
public final class Thresholds {

    /** Pool utilisation at or above which a pool is flagged (the pool monitor's alert line too). */
    public static final double POOL_UTILISATION = 0.80;
    /** Hit rate below which a cache region is flagged, once it has served {@link #HIT_RATE_MIN_REQUESTS}. */
    public static final double HIT_RATE = 0.80;
    static final long HIT_RATE_MIN_REQUESTS = 100;
    /** Replica lag above which a replica is flagged (and leaves the read rotation). */
    public static final double REPLICA_LAG_SECONDS = 1.0;
    /** Request latency p95 above which a route is flagged. */
    public static final double P95_SECONDS = 0.100;

    private Thresholds() {
    }

    /** One breached threshold: {@code key} names the row it belongs to (e.g. {@code pool:primary}). */
    public record Flag(String key, String message) {
    }

    static List<Flag> flags(StatusSnapshot s) {
        List<Flag> flags = new ArrayList<>();
        for (StatusSnapshot.Pool p : s.pools()) {
            if (p.utilisation() != null && p.utilisation() >= POOL_UTILISATION) {
                flags.add(new Flag("pool:" + p.pool(), String.format(Locale.ROOT, "pool %s at %.0f %% (%d of %d in use, %d waiting)",
                        p.pool(), p.utilisation() * 100, p.active(), p.max(), p.waiting())));
            }
        }
        for (StatusSnapshot.Replica r : s.replicas()) {
            if (!r.reachable()) {
                flags.add(new Flag("replica:" + r.replica(), "replica " + r.replica() + " unreachable"));
            } else if (r.lagSeconds() != null && r.lagSeconds() > REPLICA_LAG_SECONDS) {
                flags.add(new Flag("replica:" + r.replica(),
                        String.format(Locale.ROOT, "replica %s lag %.1f s", r.replica(), r.lagSeconds())));
            }
            if (!r.inRotation()) {
                flags.add(new Flag("rotation:" + r.replica(), "replica " + r.replica() + " out of rotation"));
            }
        }
        for (StatusSnapshot.Region c : s.cache().regions()) {
            long requests = c.l1Hits() + c.l1Misses();
            if (requests >= HIT_RATE_MIN_REQUESTS && c.hitRatio() != null && c.hitRatio() < HIT_RATE) {
                flags.add(new Flag("cache:" + c.region(), String.format(Locale.ROOT, "cache %s hit rate %.0f %%",
                        c.region(), c.hitRatio() * 100)));
            }
        }
        if (!"CLOSED".equals(s.cache().breaker())) {
            flags.add(new Flag("breaker", "L2 (Redis) breaker " + s.cache().breaker() + ": serving from L1 and the database"));
        }
        for (StatusSnapshot.Route r : s.routes()) {
            if (r.p95Seconds() != null && r.p95Seconds() > P95_SECONDS) {
                flags.add(new Flag("route:" + r.method() + " " + r.route(), String.format(Locale.ROOT,
                        "%s %s p95 %.0f ms", r.method(), r.route(), r.p95Seconds() * 1000)));
            }
        }
        return flags;
    }
}
