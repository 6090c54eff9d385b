package com.muejam.cache.bench;

import com.muejam.cache.KeyGenerator;
import com.muejam.cache.QueryCache;
import com.muejam.cache.it.TestRegions;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An L1 hit through the query-cache API (what the {@code @CachedQuery} interceptor calls) against a raw Ehcache 3
 * heap get of the same shape. Goal: at most 2x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class L1HitBenchmark {

    private static final List<String> TAGS = List.of("story", "story:42");
    private static final QueryCache.Loader<Object, RuntimeException> LOADER = () -> List.of("a", "b", "c");

    /** The shape of a cached service method. */
    public static final class Service {
        public List<String> featured(String genre, int page) {
            return List.of();
        }
    }

    private BenchNode node;
    private QueryCache q;
    private CacheManager ehcache;
    private Cache<String, Object> raw;
    private String key;
    private Method method;
    private final Object[] args = {"fantasy", 2};

    @Setup
    public void setup() throws Exception {
        node = new BenchNode(b -> b);
        q = node.manager.queryCache();
        method = Service.class.getMethod("featured", String.class, int.class);
        key = KeyGenerator.forMethod(method, args);
        q.get(TestRegions.STORY_LISTING, key, TAGS, LOADER);
        ehcache = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        raw = ehcache.createCache("raw", CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class, Object.class,
                ResourcePoolsBuilder.heap(1000)));
        raw.put(key, List.of("a", "b", "c"));
        rawExpiry = ehcache.createCache("rawExpiry", CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class, Object.class,
                ResourcePoolsBuilder.heap(1000)).withExpiry(org.ehcache.config.builders.ExpiryPolicyBuilder.timeToLiveExpiration(java.time.Duration.ofMinutes(1))));
        rawExpiry.put(key, List.of("a", "b", "c"));


        if (q.get(TestRegions.STORY_LISTING, key, TAGS, LOADER) != q.get(TestRegions.STORY_LISTING, key, TAGS, LOADER)) {
            throw new IllegalStateException("not an L1 hit");
        }
    }

    @TearDown
    public void tearDown() {
        System.out.println();
        System.out.println("[L1HitBenchmark] " + node.manager.statistics(TestRegions.STORY_LISTING));
        ehcache.close();
        node.close();
    }

    @Benchmark
    public Object rawEhcacheGet() {
        return raw.get(key);
    }

    private Cache<String, Object> rawExpiry;


    /** For context: Ehcache with a TTL policy (this cache checks its own deadline instead). */
    @Benchmark
    public Object rawEhcacheGetWithTtl() {
        return rawExpiry.get(key);
    }

    @Benchmark
    public Object twoTierL1Hit() {
        return q.get(TestRegions.STORY_LISTING, key, TAGS, LOADER);
    }

    @Benchmark
    public Object twoTierL1HitWithKeyGeneration() {
        return q.get(TestRegions.STORY_LISTING, KeyGenerator.forMethod(method, args), TAGS, LOADER);
    }
}
