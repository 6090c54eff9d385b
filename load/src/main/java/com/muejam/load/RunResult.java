package com.muejam.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** The figures of one scenario run. */
public record RunResult(Scenario scenario, String label, double offeredPerSecond, Duration duration, Timeline timeline,
                        Path report) {

    public long completed() {
        return timeline.all().getTotalCount();
    }

    /** Answers per second over the planned duration. */
    public double throughput() {
        return completed() / (double) duration.toSeconds();
    }

    public long percentile(double p) {
        Histogram h = timeline.all();
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p);
    }

    public long max() {
        return timeline.all().getMaxValue();
    }

    public long lost() {
        return timeline.lost();
    }

    public long serverErrors() {
        return timeline.count(500, 599);
    }

    public long refusals() {
        return timeline.count(429, 429) + timeline.count(503, 503);
    }

    public Map<Integer, Long> statuses() {
        return timeline.byStatus();
    }

    /** Held: p99 within the bound, nothing lost or refused, and the offered rate actually served. */
    public boolean sustained(long p99BoundMillis) {
        return !timeline.overloaded() && percentile(99) <= p99BoundMillis && lost() == 0 && refusals() == 0 && serverErrors() == 0
                && throughput() >= 0.9 * offeredPerSecond;
    }
}
