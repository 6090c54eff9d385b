package com.muejam.cache.bench;

import com.muejam.cache.QueryCache;
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
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.Config;

/**
 * An L2 hit (L1 miss, Redis GET, decode, version check, copy into L1) against a raw GET of as many values of the
 * same size, with a Redisson client of the same settings (the benchmark uses the public API only, so it does not
 * borrow the cache's own client). Goal: at most 1.5x. The L1 TTL is 1 ms so that every read misses L1.
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
        Config raw = new Config();
        raw.useSingleServer().setAddress(node.manager.config().valkeyUrl())
                .setTimeout((int) node.manager.config().l2Timeout().toMillis());
        client = Redisson.create(raw);
        String ns = node.manager.config().namespace();
        for (int k = 0; k < KEYS; k++) {
            keys[k] = "story-page-" + k;
            String v = "listing " + k + " " + "x".repeat(200);
            q.get(REGION, keys[k], TAGS, () -> v);
            // an entry holds the serialized value plus a header of about 100 bytes
            redisKeys[k] = ns + ":raw:" + REGION + ":" + keys[k];
            client.getBucket(redisKeys[k], ByteArrayCodec.INSTANCE).set(new byte[v.length() + 100]);
        }
    }

    @TearDown
    public void tearDown() {
        System.out.println();
        System.out.println("[L2HitBenchmark] " + node.manager.statistics(REGION));
        client.shutdown();
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
