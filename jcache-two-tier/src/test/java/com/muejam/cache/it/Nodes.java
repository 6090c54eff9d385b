package com.muejam.cache.it;

import com.muejam.cache.TwoTierCacheConfig;
import com.muejam.cache.TwoTierCacheManager;
import com.muejam.cache.TwoTierCachingProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Cache nodes for one test: independent managers (own Redis client, L1, subscription) sharing one namespace. */
public final class Nodes implements AutoCloseable {

    private final String namespace;
    private final List<TwoTierCacheManager> started = new ArrayList<>();

    public Nodes(String testName) {
        this.namespace = TestRedis.freshNamespace(testName);
    }

    public String namespace() {
        return namespace;
    }

    public TwoTierCacheManager node(String name) {
        return node(name, b -> b);
    }

    public TwoTierCacheManager node(String name, UnaryOperator<TwoTierCacheConfig.Builder> tweak) {
        TwoTierCacheConfig cfg = tweak.apply(TestRedis.config(namespace)).build();
        TwoTierCacheManager m = TwoTierCachingProvider.cacheManager(URI.create("test:" + namespace + ":" + name), cfg);
        started.add(m);
        return m;
    }

    /** Polls {@code condition} every millisecond up to {@code timeout}; true if it held. */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        for (TwoTierCacheManager m : started) {
            m.close();
        }
    }
}
