package com.muejam.cache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.muejam.cache.BreakerState;
import com.muejam.cache.QueryCache;
import com.muejam.cache.TwoTierCacheManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Redis going away must not take the application with it (spring-framework#27261): every call keeps working from
 * L1 and the loader, the breaker opens, and when Redis is back every node flushes its L1 (messages may have been
 * lost, redisson#4653/#5208) and L2 is used again.
 */
class RedisOutageTest extends TwoNodeTest {

    RedisOutageTest() {
        super("outage");
    }

    @Test
    void killedRedisCausesNoFailedCallAndL1IsFlushedWhenItReturns() {
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        AtomicInteger db = new AtomicInteger(1);
        Cache<String, String> ja = a.createCache("profiles", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class));
        assertThat(qa.<String, RuntimeException>get(TestRegions.STORY_LISTING, "hot", List.of("story"), () -> "hot" + db.get())).isEqualTo("hot1");
        assertThat(qb.<String, RuntimeException>get(TestRegions.STORY_LISTING, "hot", List.of("story"), () -> "hot" + db.get())).isEqualTo("hot1");
        ja.put("u1", "alice");
        long flushesBefore = b.statistics(TestRegions.STORY_LISTING).l1Flushes();

        TestRedis.redis().kill();

        long worstNanos = 0;
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            int n = i;
            // L1 hit
            assertThat(qa.<String, RuntimeException>get(TestRegions.STORY_LISTING, "hot", List.of("story"), () -> "reloaded")).isEqualTo("hot1");
            // miss: L2 is skipped, the loader answers, L1 keeps it
            assertThat(qa.<String, RuntimeException>get(TestRegions.SEARCH_RESULTS, "q" + i, List.of("story"), () -> "r" + n)).isEqualTo("r" + n);
            assertThat(qa.<String, RuntimeException>get(TestRegions.SEARCH_RESULTS, "q" + i, List.of("story"), () -> "again")).isEqualTo("r" + n);
            // writes and invalidations do not throw either
            ja.put("u" + i, "v" + i);
            assertThat(ja.get("u" + i)).isEqualTo("v" + i);
            qa.invalidateTags("unrelated");
            worstNanos = Math.max(worstNanos, System.nanoTime() - t0);
        }
        System.out.printf("[outage] slowest iteration while Redis was down: %d ms (L2 timeout 300 ms)%n", worstNanos / 1_000_000);
        assertThat(a.l2State()).isEqualTo(BreakerState.OPEN);
        assertThat(a.statistics(TestRegions.SEARCH_RESULTS).l2Errors()).isPositive();
        assertThat(a.statistics(TestRegions.SEARCH_RESULTS).breakerOpenings()).isPositive();
        // while the breaker is open a call does not wait for Redis at all
        long t0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            qa.get(TestRegions.SEARCH_RESULTS, "fast" + i, () -> "x");
        }
        System.out.printf("[outage] 1000 misses with the breaker open: %d us each%n", (System.nanoTime() - t0) / 1000 / 1000);

        TestRedis.redis().start();

        assertThat(Nodes.await(Duration.ofSeconds(15), () -> a.l2State() == BreakerState.CLOSED)).as("A's breaker closes").isTrue();
        assertThat(Nodes.await(Duration.ofSeconds(15), () -> b.statistics(TestRegions.STORY_LISTING).l1Flushes() > flushesBefore))
                .as("B flushed its L1 after the reconnect").isTrue();
        assertThat(a.statistics(TestRegions.STORY_LISTING).l1Size()).as("A flushed its L1").isZero();
        assertThat(b.statistics(TestRegions.STORY_LISTING).l1Size()).isZero();

        // L2 works again: A loads and stores, B finds it in L2 without loading
        db.set(2);
        assertThat(qa.<String, RuntimeException>get(TestRegions.STORY_LISTING, "hot", List.of("story"), () -> "hot" + db.get())).isEqualTo("hot2");
        long bLoads = b.statistics(TestRegions.STORY_LISTING).loads();
        assertThat(Nodes.await(Duration.ofSeconds(15), () -> b.l2State() == BreakerState.CLOSED)).isTrue();
        assertThat(qb.<String, RuntimeException>get(TestRegions.STORY_LISTING, "hot", List.of("story"), () -> "loaded-by-b")).isEqualTo("hot2");
        assertThat(b.statistics(TestRegions.STORY_LISTING).loads()).isEqualTo(bLoads);
        assertThat(b.statistics(TestRegions.STORY_LISTING).l2Hits()).isPositive();
    }

    @Test
    void anInvalidationMadeDuringAnOutageReachesTheOtherNodeAfterwards() {
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        AtomicInteger db = new AtomicInteger(1);
        List<String> tags = List.of("story:9");
        assertThat(qa.<String, RuntimeException>get(TestRegions.STORIES, "story:9", tags, () -> "s" + db.get())).isEqualTo("s1");
        assertThat(qb.<String, RuntimeException>get(TestRegions.STORIES, "story:9", tags, () -> "s" + db.get())).isEqualTo("s1");

        TestRedis.redis().pause(); // a hung Redis: calls time out instead of failing fast
        try {
            db.set(2);
            qa.invalidateTags("story:9"); // cannot reach Redis: applied here, queued for the others
            assertThat(qa.<String, RuntimeException>get(TestRegions.STORIES, "story:9", tags, () -> "s" + db.get()))
                    .as("the writing node never serves its own stale copy").isEqualTo("s2");
        } finally {
            TestRedis.redis().resume();
        }
        assertThat(Nodes.await(Duration.ofSeconds(15), () -> qb.getIfPresent(TestRegions.STORIES, "story:9") == null))
                .as("B drops its copy once the queued invalidation is replayed").isTrue();
        assertThat(Nodes.await(Duration.ofSeconds(15), () -> a.l2State() == BreakerState.CLOSED)).isTrue();
        assertThat(qb.<String, RuntimeException>get(TestRegions.STORIES, "story:9", tags, () -> "s" + db.get())).isEqualTo("s2");
    }

    @Test
    void aNodeStartedWhileRedisIsDownWorksAndJoinsWhenItReturns() {
        TestRedis.redis().kill();
        TwoTierCacheManager c = nodes.node("c");
        assertThat(c.l2State()).isEqualTo(BreakerState.OPEN);
        QueryCache qc = c.queryCache();
        assertThat(qc.<String, RuntimeException>get(TestRegions.DEFAULT, "k", () -> "local")).isEqualTo("local");
        TestRedis.redis().start();
        assertThat(Nodes.await(Duration.ofSeconds(15), () -> c.l2State() == BreakerState.CLOSED)).isTrue();
        // The breaker closes before the reconnect's L1 flush and resubscription have necessarily run, so a value
        // stored in that window can be flushed again: the node has joined once a value it stores reaches the
        // other node through L2.
        assertThat(Nodes.await(Duration.ofSeconds(15), () -> {
            assertThat(qc.<String, RuntimeException>get(TestRegions.DEFAULT, "k2", () -> "shared")).isEqualTo("shared");
            return "shared".equals(a.queryCache().getIfPresent(TestRegions.DEFAULT, "k2"));
        })).isTrue();
    }

    @Test
    void duringAnOutageAnotherNodesWriteLeavesThisNodeStaleForTheOutageMaxAgeNotTheL1Ttl() {
        Duration maxAge = Duration.ofSeconds(1);
        TwoTierCacheManager c = nodes.node("c", cfg -> cfg.outageMaxAge(maxAge));
        TwoTierCacheManager d = nodes.node("d", cfg -> cfg.outageMaxAge(maxAge));
        QueryCache qc = c.queryCache();
        QueryCache qd = d.queryCache();
        AtomicInteger db = new AtomicInteger(1);
        List<String> tags = List.of("story:41");
        assertThat(qc.<String, RuntimeException>get(TestRegions.STORIES, "story:41", tags, () -> "s" + db.get())).isEqualTo("s1");
        assertThat(qd.<String, RuntimeException>get(TestRegions.STORIES, "story:41", tags, () -> "s" + db.get())).isEqualTo("s1");
        long flushesBefore = d.statistics(TestRegions.STORIES).l1Flushes();

        TestRedis.redis().kill();
        long written = System.nanoTime();
        db.set(2);
        qc.invalidateTags("story:41"); // cannot be published: D never hears of it until Redis is back
        assertThat(qc.<String, RuntimeException>get(TestRegions.STORIES, "story:41", tags, () -> "s" + db.get())).isEqualTo("s2");

        // D keeps serving its copy for a while (the hot set survives the outage), then flushes and loads the write:
        // within the max age plus the time to notice (a ping), far below the 60 s L1 TTL it would wait without
        assertThat(Nodes.await(Duration.ofSeconds(10),
                () -> "s2".equals(qd.<String, RuntimeException>get(TestRegions.STORIES, "story:41", tags, () -> "s" + db.get()))))
                .as("D serves the other node's write without Redis").isTrue();
        long staleMillis = (System.nanoTime() - written) / 1_000_000;
        System.out.printf("[outage] another node's write reached D's L1 after %d ms without Redis (max age %d ms)%n",
                staleMillis, maxAge.toMillis());
        assertThat(d.statistics(TestRegions.STORIES).l1Flushes()).isGreaterThan(flushesBefore);
        assertThat(d.queryCache().<String, RuntimeException>get(TestRegions.STORIES, "story:41", tags, () -> "reloaded"))
                .as("after the flush D caches again in L1 during the outage").isEqualTo("s2");
    }
}
