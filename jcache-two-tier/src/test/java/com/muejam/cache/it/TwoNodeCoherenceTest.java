package com.muejam.cache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.muejam.cache.QueryCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/** Two independent cache stacks sharing one Redis behave as two nodes of one cache. */
class TwoNodeCoherenceTest extends TwoNodeTest {

    TwoNodeCoherenceTest() {
        super("two-node");
    }

    @Test
    void tagInvalidationOnOneNodeReachesTheOthersL1() {
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        AtomicInteger db = new AtomicInteger(1);
        List<String> tags = List.of("story", "featured");
        assertThat(qa.<String, RuntimeException>get(TestRegions.STORY_LISTING, "featured:p1", tags, () -> "v" + db.get())).isEqualTo("v1");
        // B finds it in L2, then serves it from its own L1
        assertThat(qb.<String, RuntimeException>get(TestRegions.STORY_LISTING, "featured:p1", tags, () -> "v" + db.get())).isEqualTo("v1");
        assertThat(qb.<String, RuntimeException>get(TestRegions.STORY_LISTING, "featured:p1", tags, () -> "v" + db.get())).isEqualTo("v1");
        assertThat(qb.statistics(TestRegions.STORY_LISTING).loads()).isZero();
        assertThat(qb.statistics(TestRegions.STORY_LISTING).l2Hits()).isEqualTo(1);
        assertThat(qb.statistics(TestRegions.STORY_LISTING).l1Hits()).isEqualTo(1);

        db.set(2); // the write commits, then:
        long t0 = System.nanoTime();
        qa.invalidateTags("featured");
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> qb.getIfPresent(TestRegions.STORY_LISTING, "featured:p1") == null))
                .as("B drops the entry").isTrue();
        long micros = (System.nanoTime() - t0) / 1000;
        System.out.printf("[two-node] tag invalidation seen by the other node's L1 after %d us%n", micros);

        assertThat(qb.<String, RuntimeException>get(TestRegions.STORY_LISTING, "featured:p1", tags, () -> "v" + db.get())).isEqualTo("v2");
        assertThat(qa.<String, RuntimeException>get(TestRegions.STORY_LISTING, "featured:p1", tags, () -> "v" + db.get())).isEqualTo("v2");
        assertThat(b.statistics(TestRegions.STORY_LISTING).tagInvalidationsReceived()).isPositive();
    }

    @Test
    void invalidationLatencyBetweenNodes() {
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        int rounds = 30;
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            int n = i;
            qa.get(TestRegions.STORY_LISTING, "lat", List.of("lat"), () -> "v" + n);
            assertThat(qb.<String, RuntimeException>get(TestRegions.STORY_LISTING, "lat", List.of("lat"), () -> "b" + n)).isEqualTo("v" + n);
            long t0 = System.nanoTime();
            qa.invalidateTags("lat");
            // spin on B's L1 check (no network while its copy looks current)
            assertThat(Nodes.await(Duration.ofSeconds(5), () -> qb.getIfPresent(TestRegions.STORY_LISTING, "lat") == null)).isTrue();
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        long[] sorted = micros.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("[two-node] invalidation -> other node's L1, %d rounds: median %d us, max %d us (includes the"
                + " invalidating call's own round trip)%n", rounds, sorted[rounds / 2], sorted[rounds - 1]);
    }

    @Test
    void jcacheWritesOnOneNodeDropTheOthersCopy() {
        MutableConfiguration<String, String> cfg = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setStatisticsEnabled(true);
        Cache<String, String> ca = a.createCache("profiles", cfg);
        Cache<String, String> cb = b.createCache("profiles", cfg);
        ca.put("u1", "alice");
        // (B's first read may race A's invalidation message for this very put; let the message land first)
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> b.statistics("profiles").invalidationsReceived() >= 1)).isTrue();
        assertThat(cb.get("u1")).isEqualTo("alice");
        assertThat(cb.get("u1")).isEqualTo("alice");
        assertThat(b.statistics("profiles").l1Hits()).isEqualTo(1);

        long t0 = System.nanoTime();
        ca.put("u1", "alice2");
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> "alice2".equals(cb.get("u1")))).isTrue();
        System.out.printf("[two-node] JCache put seen by the other node after %d us%n", (System.nanoTime() - t0) / 1000);
        assertThat(b.statistics("profiles").invalidationsReceived()).isPositive();

        ca.remove("u1");
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> cb.get("u1") == null)).isTrue();
        assertThat(cb.putIfAbsent("u1", "bob")).isTrue();
        assertThat(ca.putIfAbsent("u1", "carol")).as("B's entry is visible to A's conditional write").isFalse();
        assertThat(ca.get("u1")).isEqualTo("bob");
    }

    @Test
    void regionClearIsGlobalAndConstantTime() {
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        for (int i = 0; i < 200; i++) {
            int n = i;
            qa.get(TestRegions.SEARCH_RESULTS, "q" + i, () -> "r" + n);
        }
        for (int i = 0; i < 200; i++) {
            assertThat(qb.<String>getIfPresent(TestRegions.SEARCH_RESULTS, "q" + i)).isEqualTo("r" + i);
        }
        long t0 = System.nanoTime();
        qa.clearRegion(TestRegions.SEARCH_RESULTS);
        System.out.printf("[two-node] clearRegion of 200 entries took %d us on the calling node%n", (System.nanoTime() - t0) / 1000);
        for (int i = 0; i < 200; i++) {
            assertThat(qa.<String>getIfPresent(TestRegions.SEARCH_RESULTS, "q" + i)).isNull();
        }
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> qb.getIfPresent(TestRegions.SEARCH_RESULTS, "q199") == null)).isTrue();
        for (int i = 0; i < 200; i++) {
            assertThat(qb.<String>getIfPresent(TestRegions.SEARCH_RESULTS, "q" + i)).isNull();
        }
    }

    @Test
    void entityCacheAndExplicitPutAndEvict() {
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        AtomicInteger loads = new AtomicInteger();
        assertThat(qa.<String, RuntimeException>getEntity(TestRegions.STORIES, "story", 7L, () -> "story7#" + loads.incrementAndGet())).isEqualTo("story7#1");
        assertThat(qb.<String, RuntimeException>getEntity(TestRegions.STORIES, "story", 7L, () -> "story7#" + loads.incrementAndGet())).isEqualTo("story7#1");
        qa.invalidateTags(com.muejam.cache.Tags.entity("story", 7L));
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> qb.getIfPresent(TestRegions.STORIES, "story:7") == null)).isTrue();

        qa.put(TestRegions.USERS, "user:1", "u1-v1", List.of("user:1"));
        assertThat(qb.<String>getIfPresent(TestRegions.USERS, "user:1")).isEqualTo("u1-v1");
        qa.put(TestRegions.USERS, "user:1", "u1-v2", List.of("user:1"));
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> "u1-v2".equals(qb.getIfPresent(TestRegions.USERS, "user:1")))).isTrue();
        qb.evict(TestRegions.USERS, "user:1");
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> qa.getIfPresent(TestRegions.USERS, "user:1") == null)).isTrue();
    }
}
