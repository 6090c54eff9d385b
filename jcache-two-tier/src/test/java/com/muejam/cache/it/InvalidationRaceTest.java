package com.muejam.cache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.muejam.cache.QueryCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read that began before a write committed must never be served after that write's invalidation
 * (django-cacheops #302/#478). The interleavings are forced with latches, not left to timing.
 */
class InvalidationRaceTest extends TwoNodeTest {

    private static final List<String> TAGS = List.of("story:1", "story");

    InvalidationRaceTest() {
        super("race");
    }

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aSlowReadThatStartedBeforeTheWriteIsNeverServedAfterItsInvalidation() throws Exception {
        QueryCache q = a.queryCache();
        AtomicReference<String> db = new AtomicReference<>("old");
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch writeCommitted = new CountDownLatch(1);

        // 1. a read misses and starts loading: it reads the row before the write
        Future<String> slowRead = pool.submit(() -> q.get(TestRegions.STORY_LISTING, "story:1:view", TAGS, () -> {
            String row = db.get();
            readDone.countDown();
            writeCommitted.await();
            return row;
        }));
        assertThat(readDone.await(5, TimeUnit.SECONDS)).isTrue();

        // 2. the write commits, then invalidates (after commit)
        db.set("new");
        q.invalidateTags("story:1");
        writeCommitted.countDown();

        // 3. the slow read finishes and tries to store what it read
        assertThat(slowRead.get(5, TimeUnit.SECONDS)).as("the read itself returns what it read").isEqualTo("old");

        // 4. nobody may get the old value any more: not this node, not the other one, not from L2
        AtomicInteger loads = new AtomicInteger();
        assertThat(q.<String, RuntimeException>get(TestRegions.STORY_LISTING, "story:1:view", TAGS, () -> {
            loads.incrementAndGet();
            return db.get();
        })).isEqualTo("new");
        assertThat(loads.get()).isEqualTo(1);
        assertThat(b.queryCache().<String>getIfPresent(TestRegions.STORY_LISTING, "story:1:view")).isEqualTo("new");
        assertThat(a.statistics(TestRegions.STORY_LISTING).fillsRejected()).isEqualTo(1);
    }

    @Test
    void aStaleFillOnAnotherNodeIsRefusedByL2() throws Exception {
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        AtomicReference<String> db = new AtomicReference<>("old");
        // B knows the tag versions before the write (as after any earlier read)
        qb.get(TestRegions.STORY_LISTING, "warm", TAGS, () -> "w");
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        Future<String> slowReadOnB = pool.submit(() -> qb.get(TestRegions.STORY_LISTING, "story:1:view", TAGS, () -> {
            String row = db.get();
            readDone.countDown();
            invalidated.await();
            return row;
        }));
        assertThat(readDone.await(5, TimeUnit.SECONDS)).isTrue();
        db.set("new");
        qa.invalidateTags("story");
        // wait until B has applied the new version, then let its stale load try to store
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> qb.getIfPresent(TestRegions.STORY_LISTING, "warm") == null)).isTrue();
        invalidated.countDown();
        assertThat(slowReadOnB.get(5, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(qa.<String>getIfPresent(TestRegions.STORY_LISTING, "story:1:view")).isNull();
        assertThat(qb.<String>getIfPresent(TestRegions.STORY_LISTING, "story:1:view")).isNull();
    }

    @Test
    void aStaleFillRacingTheVersionBumpIsStillRefused() throws Exception {
        // B stores after A's bump reached Redis but before B heard of it: the fill script compares the versions
        // inside Redis, so L2 still refuses it, and B catches up from the refusal.
        QueryCache qa = a.queryCache();
        QueryCache qb = b.queryCache();
        AtomicReference<String> db = new AtomicReference<>("old");
        qb.get(TestRegions.STORY_LISTING, "warm", TAGS, () -> "w");
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        Future<String> slowReadOnB = pool.submit(() -> qb.get(TestRegions.STORY_LISTING, "story:1:view", TAGS, () -> {
            String row = db.get();
            readDone.countDown();
            go.await();
            return row;
        }));
        assertThat(readDone.await(5, TimeUnit.SECONDS)).isTrue();
        db.set("new");
        qa.invalidateTags("story:1");
        go.countDown(); // no wait for the message: B may still hold the old version
        assertThat(slowReadOnB.get(5, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(qa.<String>getIfPresent(TestRegions.STORY_LISTING, "story:1:view")).isNull();
        assertThat(Nodes.await(Duration.ofSeconds(5), () -> qb.getIfPresent(TestRegions.STORY_LISTING, "story:1:view") == null)).isTrue();
        assertThat(qb.<String, RuntimeException>get(TestRegions.STORY_LISTING, "story:1:view", TAGS, db::get)).isEqualTo("new");
    }

    @Test
    void aReadArrivingAfterTheInvalidationDoesNotJoinTheStaleLoad() throws Exception {
        QueryCache q = a.queryCache();
        AtomicReference<String> db = new AtomicReference<>("old");
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> slow = pool.submit(() -> q.get(TestRegions.STORY_LISTING, "k", TAGS, () -> {
            String row = db.get();
            firstRead.countDown();
            release.await();
            return row;
        }));
        assertThat(firstRead.await(5, TimeUnit.SECONDS)).isTrue();
        db.set("new");
        q.invalidateTags("story:1");
        // single-flight must not hand the in-flight stale result to a read that began after the invalidation
        Future<String> late = pool.submit(() -> q.get(TestRegions.STORY_LISTING, "k", TAGS, db::get));
        assertThat(late.get(5, TimeUnit.SECONDS)).isEqualTo("new");
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(q.<String>getIfPresent(TestRegions.STORY_LISTING, "k")).isEqualTo("new");
    }
}
