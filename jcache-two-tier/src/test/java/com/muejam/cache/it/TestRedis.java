package com.muejam.cache.it;

import com.muejam.cache.TwoTierCacheConfig;
import com.muejam.services.LocalServices;
import com.muejam.services.RedisNode;
import com.muejam.services.ServicesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The project-started Redis these tests run against (local-services, port {@code jcache.test.redisPort}, 19379 by
 * default). local-services always runs a PostgreSQL primary too; it gets this module's second port (19380) and no
 * replica. Started once per test JVM by {@link RedisSessionListener}, shut down when the JVM's tests end.
 */
public final class TestRedis {

    private static LocalServices services;

    private TestRedis() {
    }

    public static synchronized LocalServices services() {
        if (services == null) {
            int redisPort = Integer.getInteger("jcache.test.redisPort", 19379);
            int pgPort = Integer.getInteger("jcache.test.pgPort", 19380);
            Path state = Path.of(System.getProperty("jcache.test.stateDir", "target/services-test"));
            services = LocalServices.up(ServicesConfig.builder().stateDir(state).primaryPort(pgPort).replicaPorts()
                    .redisPort(redisPort).build());
        }
        return services;
    }

    public static synchronized void shutdown() {
        if (services != null) {
            services.down();
            services.close();
            services = null;
        }
    }

    public static RedisNode redis() {
        return services().redis();
    }

    /** Makes sure Redis runs (a test may have killed it) and returns its URL. */
    public static String url() {
        RedisNode r = redis();
        if (r.state() != RedisNode.State.RUNNING) {
            r.start();
        }
        return r.url();
    }

    /** Settings of a node on the test Redis, in a namespace of its own so tests never see each other's keys. */
    public static TwoTierCacheConfig.Builder config(String namespace) {
        return TwoTierCacheConfig.builder()
                .valkeyUrl(redis().url())
                .namespace(namespace)
                .l2Timeout(Duration.ofMillis(300))
                .breakerFailures(2)
                .breakerProbeInterval(Duration.ofMillis(200))
                .redissonThreads(2);
    }

    public static String freshNamespace(String prefix) {
        return "test:" + prefix + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
