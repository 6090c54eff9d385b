package com.muejam.cache.bench;

import com.muejam.cache.BreakerState;
import com.muejam.cache.QueryCache;
import com.muejam.cache.it.TestRedis;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** What a miss costs while Redis is down (breaker open): the loader plus L1, no waiting on the network. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedisDownBenchmark {

    private static final List<String> TAGS = List.of("story");

    private BenchNode node;
    private QueryCache q;
    private long i;

    @Setup
    public void setup() throws InterruptedException {
        node = new BenchNode(b -> b);
        q = node.manager.queryCache();
        q.get("down", "warm", TAGS, () -> "w");
        TestRedis.redis().kill();
        for (int n = 0; n < 10 && node.manager.l2State() != BreakerState.OPEN; n++) {
            q.get("down", "probe" + n, TAGS, () -> "p");
        }
        if (node.manager.l2State() != BreakerState.OPEN) {
            throw new IllegalStateException("breaker did not open");
        }
    }

    @TearDown
    public void tearDown() {
        System.out.println();
        System.out.println("[RedisDownBenchmark] " + node.manager.statistics("down"));
        node.close();
    }

    @Benchmark
    public Object missWithRedisDown() {
        long n = i++;
        return q.get("down", "k" + n, TAGS, () -> "v");
    }

    @Benchmark
    public Object l1HitWithRedisDown() {
        return q.get("down", "warm", TAGS, () -> "never");
    }
}
