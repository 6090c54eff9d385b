package com.muejam.cache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.muejam.cache.QueryCache;
import com.muejam.cache.TwoTierCacheManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent misses of one key on one node run the loader once (no stampede on a hot miss). */
class SingleFlightTest {

    private static final int THREADS = 16;

    private Nodes nodes;
    private TwoTierCacheManager node;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        nodes = new Nodes("single-flight");
        node = nodes.node("a");
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        nodes.close();
    }

    @Test
    void queryCacheLoadsAHotMissOnce() throws Exception {
        QueryCache q = node.queryCache();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch loaderEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(pool.submit(() -> {
                together.await();
                return q.get(TestRegions.STORY_LISTING, "hot", List.of("story"), () -> {
                    calls.incrementAndGet();
                    loaderEntered.countDown();
                    release.await();
                    return "loaded";
                });
            }));
        }
        assertThat(loaderEntered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // let every thread reach the miss while the load is held
        release.countDown();
        for (Future<String> f : results) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("loaded");
        }
        assertThat(calls.get()).isEqualTo(1);
        assertThat(node.statistics(TestRegions.STORY_LISTING).loads()).isEqualTo(1);
    }

    @Test
    void aFailingLoadFailsEveryWaiterWithTheSameException() throws Exception {
        QueryCache q = node.queryCache();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> q.get(TestRegions.DEFAULT, "boom", () -> {
                entered.countDown();
                release.await();
                throw new java.io.IOException("database down");
            })));
        }
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        release.countDown();
        for (Future<String> f : results) {
            try {
                f.get(5, TimeUnit.SECONDS);
                throw new AssertionError("expected the loader's exception");
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(java.io.IOException.class).hasMessage("database down");
            }
        }
        assertThat(q.<String>getIfPresent(TestRegions.DEFAULT, "boom")).isNull();
    }

    public static final class CountingLoader implements CacheLoader<String, String> {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public String load(String key) {
            CALLS.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "v:" + key;
        }

        @Override
        public java.util.Map<String, String> loadAll(Iterable<? extends String> keys) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void readThroughJCacheLoadsAHotMissOnce() throws Exception {
        CountingLoader.CALLS.set(0);
        Cache<String, String> c = node.createCache("rt", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setReadThrough(true)
                .setCacheLoaderFactory(FactoryBuilder.factoryOf(CountingLoader.class)));
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(pool.submit(() -> {
                together.await();
                return c.get("k");
            }));
        }
        for (Future<String> f : results) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("v:k");
        }
        assertThat(CountingLoader.CALLS.get()).isEqualTo(1);
    }
}
