package com.muejam.cache.bench;

import com.muejam.cache.CacheStatistics;
import com.muejam.cache.QueryCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * A Zipf-distributed read mix over {@code keys} distinct queries, 5-minute L2 TTL, default L1 (1000 entries, 60 s),
 * two threads. Prints the hit rate per tier for each iteration (warm-up iterations are the cold start) and for the
 * whole run. Goal: overall hit rate at least 95% once warm. The loader costs what a fast indexed query costs here
 * (50 us of busy work). A run is shorter than the TTL, so no entry expires inside it; over a full TTL window every
 * key read in it is loaded once more, which the printed "per-TTL estimate" accounts for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class ZipfHitRateBenchmark {

    private static final String REGION = "zipf";

    @Param({"10000"})
    public int keys;

    @Param({"1.0"})
    public double exponent;

    private BenchNode node;
    private QueryCache q;
    private double[] cdf;

    @Setup
    public void setup() {
        node = new BenchNode(b -> b.regionTtl(REGION, Duration.ofMinutes(5)));
        q = node.manager.queryCache();
        cdf = new double[keys];
        double sum = 0;
        for (int k = 0; k < keys; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cdf[k] = sum;
        }
        for (int k = 0; k < keys; k++) {
            cdf[k] /= sum;
        }
    }

    private int nextKey() {
        double u = ThreadLocalRandom.current().nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Benchmark
    public Object zipfRead() {
        int k = nextKey();
        return q.get(REGION, "q" + k, List.of("story", "story:" + k), () -> {
            long end = System.nanoTime() + 50_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return "result-" + k;
        });
    }

    private long[] atIterationStart;

    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void iterationStart() {
        CacheStatistics s = node.manager.statistics(REGION);
        atIterationStart = s == null ? new long[4] : new long[] {s.l1Hits(), s.l1Misses(), s.l2Hits(), s.loads()};
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void iterationEnd() {
        CacheStatistics s = node.manager.statistics(REGION);
        long l1 = s.l1Hits() - atIterationStart[0];
        long reads = l1 + s.l1Misses() - atIterationStart[1];
        long l2 = s.l2Hits() - atIterationStart[2];
        long loads = s.loads() - atIterationStart[3];
        System.out.printf("%n[ZipfHitRateBenchmark] iteration: reads=%d hitRate=%.4f (L1 %.4f, L2 %.4f) loads=%d;"
                        + " per-TTL estimate at this read rate: %.4f%n", reads, (double) (l1 + l2) / reads,
                (double) l1 / reads, (double) l2 / reads, loads, perTtlEstimate(reads));
    }

    /**
     * Hit rate over one 5-minute TTL window at the iteration's read rate: every distinct key read in the window is
     * loaded once (expected distinct keys of n Zipf draws), all other reads hit.
     */
    private double perTtlEstimate(long readsInIteration) {
        double readsPerWindow = readsInIteration * (300.0 / iterationSeconds());
        double distinct = 0;
        double prev = 0;
        for (int k = 0; k < keys; k++) {
            double p = cdf[k] - prev;
            prev = cdf[k];
            distinct += 1 - Math.pow(1 - p, readsPerWindow);
        }
        return 1 - distinct / readsPerWindow;
    }

    private static double iterationSeconds() {
        return Double.parseDouble(System.getProperty("bench.iterationSeconds", "5"));
    }

    @TearDown
    public void tearDown() {
        CacheStatistics s = node.manager.statistics(REGION);
        long reads = s.l1Hits() + s.l1Misses();
        System.out.println();
        System.out.printf("[ZipfHitRateBenchmark] keys=%d s=%.2f reads=%d hitRate=%.4f (L1 %.4f, L2 %.4f of all reads)"
                        + " loads=%d l1Evictions=%d%n", keys, exponent, reads, s.hitRate(),
                (double) s.l1Hits() / reads, (double) s.l2Hits() / reads, s.loads(), s.l1Evictions());
        node.close();
    }
}
