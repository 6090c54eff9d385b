package com.muejam.cache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.muejam.cache.BreakerState;
import com.muejam.cache.CacheStatistics;
import com.muejam.cache.QueryCache;
import com.muejam.cache.TwoTierCacheManager;
import com.muejam.cache.TwoTierCachingProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderAndStatisticsTest {

    private Nodes nodes;

    @BeforeEach
    void start() {
        nodes = new Nodes("stats");
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void providerIsTheOnlyOneRegisteredAndFoundByClassName() {
        // Ehcache (as modules, without its JSR-107 bridge) and Redisson (a copy without its registration) add none
        List<String> names = new ArrayList<>();
        Caching.getCachingProviders(new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader()))
                .forEach(p -> names.add(p.getClass().getName()));
        assertThat(names).containsExactly(TwoTierCachingProvider.class.getName());
        CachingProvider p = Caching.getCachingProvider(TwoTierCachingProvider.class.getName());
        CacheManager m = p.getCacheManager(URI.create("test:" + nodes.namespace() + ":by-name"),
                getClass().getClassLoader(), TestRedis.config(nodes.namespace()).build().toProperties());
        try {
            TwoTierCacheManager tt = m.unwrap(TwoTierCacheManager.class);
            assertThat(tt.l2State()).isEqualTo(BreakerState.CLOSED);
            assertThat(tt.config().namespace()).isEqualTo(nodes.namespace());
            assertThat(m.getCacheNames()).as("regions are created on first use only").isEmpty();
            tt.queryCache().get(TestRegions.USER_PROFILE, "u1", () -> "p");
            assertThat(m.getCacheNames()).containsExactly(TestRegions.USER_PROFILE);
            assertThat(tt.queryCache().region(TestRegions.USER_PROFILE).get("u1")).isEqualTo("p");
        } finally {
            m.close();
        }
    }

    @Test
    void countersPerTierAndRegion() {
        TwoTierCacheManager a = nodes.node("a", b -> b.l1MaxSize(10));
        TwoTierCacheManager b = nodes.node("b", x -> x.l1MaxSize(10));
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            int n = i;
            qa.get(TestRegions.STORY_LISTING, "k" + i, List.of("story"), () -> {
                loads.incrementAndGet();
                return "v" + n;
            });
        }
        qa.get(TestRegions.STORY_LISTING, "k49", List.of("story"), () -> "never");
        for (int i = 0; i < 5; i++) {
            qb.get(TestRegions.STORY_LISTING, "k" + i, List.of("story"), () -> "never");
        }
        CacheStatistics sa = a.statistics(TestRegions.STORY_LISTING);
        assertThat(sa.loads()).isEqualTo(50);
        assertThat(sa.l1Hits()).isEqualTo(1);
        assertThat(sa.l1Misses()).isEqualTo(50);
        assertThat(sa.l2Misses()).isEqualTo(50);
        assertThat(sa.hitRate()).isCloseTo(1.0 / 51, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> a.statistics(TestRegions.STORY_LISTING).l1Evictions() >= 40)).isTrue();
        assertThat(a.statistics(TestRegions.STORY_LISTING).l1Size()).isLessThanOrEqualTo(10);
        CacheStatistics sb = b.statistics(TestRegions.STORY_LISTING);
        assertThat(sb.l2Hits()).isEqualTo(5);
        assertThat(sb.loads()).isZero();
        assertThat(sb.breakerState()).isEqualTo(BreakerState.CLOSED);
        assertThat(sb.l2Errors()).isZero();

        qa.invalidateTags("story");
        assertThat(a.statistics(TestRegions.STORY_LISTING).tagInvalidationsSent()).isEqualTo(1);
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> b.statistics(TestRegions.STORY_LISTING).tagInvalidationsReceived() >= 1)).isTrue();
        qa.clearRegion(TestRegions.STORY_LISTING);
        assertThat(a.statistics(TestRegions.STORY_LISTING).clears()).isEqualTo(1);
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> b.statistics(TestRegions.STORY_LISTING).invalidationsReceived() >= 1)).isTrue();
        assertThat(a.statistics()).extracting(CacheStatistics::name).containsExactly(TestRegions.STORY_LISTING);
    }
}
