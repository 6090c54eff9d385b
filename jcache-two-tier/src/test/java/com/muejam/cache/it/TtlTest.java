package com.muejam.cache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.muejam.cache.CacheStatistics;
import com.muejam.cache.QueryCache;
import com.muejam.cache.TwoTierCacheManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entries expire in both tiers, and an L1 copy never outlives the L2 entry it copies. */
class TtlTest {

    private Nodes nodes;

    @BeforeEach
    void start() {
        nodes = new Nodes("ttl");
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void l1ExpiresFirstThenL2() throws Exception {
        TwoTierCacheManager n = nodes.node("a", b -> b.l1Ttl(Duration.ofMillis(400)).regionTtl("short", Duration.ofMillis(1500)));
        QueryCache q = n.queryCache();
        AtomicInteger loads = new AtomicInteger();
        QueryCache.Loader<String, RuntimeException> loader = () -> "v" + loads.incrementAndGet();
        assertThat(q.get("short", "k", loader)).isEqualTo("v1");
        assertThat(q.get("short", "k", loader)).isEqualTo("v1");
        CacheStatistics s = n.statistics("short");
        assertThat(s.l1Hits()).isEqualTo(1);

        Thread.sleep(600); // L1 copy gone, L2 entry still there
        assertThat(q.get("short", "k", loader)).isEqualTo("v1");
        s = n.statistics("short");
        assertThat(s.l2Hits()).isEqualTo(1);
        assertThat(loads.get()).isEqualTo(1);

        Thread.sleep(1200); // L2 entry expired too
        assertThat(q.get("short", "k", loader)).isEqualTo("v2");
        assertThat(loads.get()).isEqualTo(2);
    }

    @Test
    void anL1CopyNeverOutlivesItsL2Entry() throws Exception {
        TwoTierCacheManager n = nodes.node("a", b -> b.l1Ttl(Duration.ofSeconds(30)).regionTtl("brief", Duration.ofMillis(700)));
        QueryCache q = n.queryCache();
        AtomicInteger loads = new AtomicInteger();
        assertThat(q.<String, RuntimeException>get("brief", "k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(q.<String, RuntimeException>get("brief", "k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        Thread.sleep(900);
        // L1's own TTL (30 s) has not passed, but the L2 entry's has: the copy must be gone
        assertThat(q.<String>getIfPresent("brief", "k")).isNull();
        assertThat(q.<String, RuntimeException>get("brief", "k", () -> "v" + loads.incrementAndGet())).isEqualTo("v2");
    }

    @Test
    void jcacheExpiryPolicyAppliesOnEveryNode() throws Exception {
        TwoTierCacheManager a = nodes.node("a");
        TwoTierCacheManager b = nodes.node("b");
        MutableConfiguration<String, String> cfg = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, 800)));
        Cache<String, String> ca = a.createCache("expiring", cfg);
        Cache<String, String> cb = b.createCache("expiring", cfg);
        ca.put("k", "v");
        assertThat(cb.get("k")).isEqualTo("v");
        assertThat(cb.get("k")).isEqualTo("v");
        Thread.sleep(1000);
        assertThat(ca.get("k")).isNull();
        assertThat(cb.get("k")).isNull();
        assertThat(ca.containsKey("k")).isFalse();
    }
}
