package com.muejam.cache.bench;

import com.muejam.cache.TwoTierCacheConfig;
import com.muejam.cache.TwoTierCacheManager;
import com.muejam.cache.TwoTierCachingProvider;
import com.muejam.cache.it.TestRedis;
import java.net.URI;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A cache node for a benchmark: on {@code -Dbench.valkeyUrl=...} if given, else on the project-started Redis
 * (started for the fork and shut down after it).
 */
final class BenchNode {

    private final boolean ownRedis;
    final TwoTierCacheManager manager;

    BenchNode(UnaryOperator<TwoTierCacheConfig.Builder> tweak) {
        String url = System.getProperty("bench.valkeyUrl");
        ownRedis = url == null;
        if (ownRedis) {
            url = TestRedis.url();
        }
        TwoTierCacheConfig cfg = tweak.apply(TwoTierCacheConfig.builder().valkeyUrl(url)
                .namespace("bench:" + UUID.randomUUID().toString().substring(0, 8))).build();
        manager = TwoTierCachingProvider.cacheManager(URI.create("bench:" + cfg.namespace()), cfg);
    }

    void close() {
        manager.close();
        if (ownRedis) {
            TestRedis.shutdown();
        }
    }
}
