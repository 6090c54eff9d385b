package com.muejam.interfaces.status;

import java.util.List;

/**
 * What the status page shows at one instant. Figures the registry does not have yet (a pool before its first
 * sample, a percentile before the first request) are {@code null}.
 */
public record StatusSnapshot(long time, List<Pool> pools, List<Replica> replicas, Cache cache, SlowQueries slowQueries,
        Requests requests, List<Route> routes, List<Thresholds.Flag> flags) {

    /** One connection pool: in use, idle, threads waiting for a connection, maximum, in use / maximum. */
    public record Pool(String pool, long active, long idle, long waiting, long max, Double utilisation,
            long acquisitionTimeouts) {
    }

    /** One read replica as the replica monitor last saw it. */
    public record Replica(String replica, boolean reachable, boolean inRotation, Double lagSeconds, Long lagBytes) {
    }

    /** The two-tier cache: L2 breaker state, invalidations sent after commit, and each region's tiers. */
    public record Cache(String breaker, long invalidationsAfterCommit, List<Region> regions) {
    }

    /** One cache region: hits and misses per tier, the overall hit ratio, invalidations received from other nodes. */
    public record Region(String region, long l1Hits, long l1Misses, long l2Hits, long l2Misses, Double hitRatio,
            long invalidationsReceived) {
    }

    /** Statements at or above the slow-query line since start, per pool; the page turns them into a rate. */
    public record SlowQueries(long total, List<PoolCount> byPool) {
    }

    /** A count for one pool. */
    public record PoolCount(String pool, long count) {
    }

    /**
     * All API requests since start, the 5xx among them, and their latency histogram over every route: cumulative
     * counts of requests that took at most {@code le} seconds, since start (as Prometheus' {@code _bucket} series).
     * The page takes percentiles of the last minute from the difference between two of these.
     */
    public record Requests(long count, long errors5xx, List<Bucket> buckets) {
    }

    /** Requests that took at most {@code le} seconds. */
    public record Bucket(double le, long count) {
    }

    /** Latency of one route template, method and status class. */
    public record Route(String method, String route, String status, long count, Double p50Seconds, Double p95Seconds,
            Double p99Seconds) {
    }

    StatusSnapshot withFlags() {
        return new StatusSnapshot(time, pools, replicas, cache, slowQueries, requests, routes, Thresholds.flags(this));
    }
}
