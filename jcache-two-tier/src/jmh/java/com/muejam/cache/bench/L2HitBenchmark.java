package com.muejam.cache.bench;

import com.muejam.cache.QueryCache;
import com.muejam.cache.internal.jcache.TwoTierCacheManagerImpl;
import java.time.Duration;
import java.util.ArrayList;
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
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;

/**
 * An L2 hit (L1 miss, Redis GET, decode, version check, copy into L1) against a raw GET of the same keys with the
 * same Redisson client. Goal: at most 1.5x. The L1 TTL is 1 ms so that every read misses L1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class L2HitBenchmark {

    private static final int KEYS = 1000;
    private static final String REGION = "l2bench";
    private static final List<String> TAGS = List.of("story");

    private BenchNode node;
    private QueryCache q;
    private RedissonClient client;
    private final String[] keys = new String[KEYS];
    private final String[] redisKeys = new String[KEYS];
    private int i;

    @Setup
    public void setup() {
        node = new BenchNode(b -> b.l1Ttl(Duration.ofMillis(1)));
        q = node.manager.queryCache();
        TwoTierCacheManagerImpl impl = node.manager.unwrap(TwoTierCacheManagerImpl.class);
        client = impl.node().l2.client();
        for (int k = 0; k < KEYS; k++) {
            keys[k] = "story-page-" + k;
            String v = "listing " + k + " " + "x".repeat(200);
            q.get(REGION, keys[k], TAGS, () -> v);
            redisKeys[k] = impl.node().store(REGION).redisKey(impl.node().store(REGION).codecs.encodeKey(keys[k]));
        }
    }

    @TearDown
    public void tearDown() {
        System.out.println();
        System.out.println("[L2HitBenchmark] " + node.manager.statistics(REGION));
        node.close();
    }

    @Benchmark
    public Object rawRedissonGet() {
        int k = i++ % KEYS;
        return client.getBucket(redisKeys[k], ByteArrayCodec.INSTANCE).get();
    }

    @Benchmark
    public Object twoTierL2Hit() {
        int k = i++ % KEYS;
        return q.get(REGION, keys[k], TAGS, () -> {
            throw new IllegalStateException("L2 should hold " + keys[k]);
        });
    }
}
