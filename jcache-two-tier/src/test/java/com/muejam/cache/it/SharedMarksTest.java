package com.muejam.cache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.muejam.cache.SharedMarks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Marks shared through Redis: a raise on one node is read by another at once, marks only move forward (as unsigned
 * 64-bit numbers), are forgotten after their time to live, and answer UNAVAILABLE while Redis is down.
 */
class SharedMarksTest extends TwoNodeTest {

    SharedMarksTest() {
        super("marks");
    }

    @Test
    void raiseOnOneNodeIsReadOnAnotherAndNeverGoesBack() {
        SharedMarks ma = a.marks("user", Duration.ofSeconds(30));
        SharedMarks mb = b.marks("user", Duration.ofSeconds(30));
        assertThat(mb.read("7")).isEqualTo(SharedMarks.ABSENT);

        assertThat(ma.raise("7", 0x3000148L)).isTrue();
        assertThat(mb.read("7")).isEqualTo(0x3000148L);

        assertThat(mb.raise("7", 0x2000000L)).isTrue(); // lower: kept as it was
        assertThat(ma.read("7")).isEqualTo(0x3000148L);

        // above 2^63: still "higher" (unsigned), where a signed or floating-point compare would get it wrong
        long high = 0x8000_0000_0000_0001L;
        assertThat(ma.raise("7", high)).isTrue();
        assertThat(mb.read("7")).isEqualTo(high);
        assertThat(ma.raise("7", 0x7fff_ffff_ffff_ffffL)).isTrue();
        assertThat(mb.read("7")).isEqualTo(high);

        assertThat(mb.read("8")).isEqualTo(SharedMarks.ABSENT); // other keys untouched
        assertThat(b.marks("other", Duration.ofSeconds(30)).read("7")).isEqualTo(SharedMarks.ABSENT);
    }

    @Test
    void concurrentRaisesKeepTheHighest() throws Exception {
        SharedMarks ma = a.marks("race", Duration.ofSeconds(30));
        SharedMarks mb = b.marks("race", Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 1; i <= 400; i++) {
                long v = i;
                SharedMarks m = i % 2 == 0 ? ma : mb;
                done.add(pool.submit(() -> m.raise("k", v)));
            }
            for (Future<Boolean> f : done) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ma.read("k")).isEqualTo(400);
    }

    @Test
    void aMarkIsForgottenAfterItsTimeToLiveAndARaiseRestartsIt() throws InterruptedException {
        SharedMarks ma = a.marks("short", Duration.ofMillis(400));
        SharedMarks mb = b.marks("short", Duration.ofMillis(400));
        ma.raise("1", 10);
        Thread.sleep(250);
        mb.raise("1", 5); // not higher, but a new commit: the window restarts
        Thread.sleep(250);
        assertThat(ma.read("1")).isEqualTo(10);
        assertThat(Nodes.await(Duration.ofSeconds(3), () -> ma.read("1") == SharedMarks.ABSENT)).isTrue();
    }

    @Test
    void unavailableWhileRedisIsDownAndUsableAgainAfter() {
        SharedMarks ma = a.marks("down", Duration.ofSeconds(30));
        ma.raise("1", 42);
        TestRedis.redis().kill();
        assertThat(ma.read("1")).isEqualTo(SharedMarks.UNAVAILABLE);
        assertThat(ma.raise("1", 43)).isFalse();

        TestRedis.url();
        assertThat(Nodes.await(Duration.ofSeconds(15), () -> ma.read("1") != SharedMarks.UNAVAILABLE)).isTrue();
        assertThat(ma.raise("1", 44)).isTrue();
        assertThat(ma.read("1")).isEqualTo(44); // Redis here keeps nothing on disk: the restart forgot 42
    }

    @Test
    void rejectsValuesThatAreNotPositions() {
        SharedMarks ma = a.marks("bad", Duration.ofSeconds(1));
        assertThatThrownBy(() -> ma.raise("1", SharedMarks.ABSENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ma.raise("1", SharedMarks.UNAVAILABLE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.marks("bad", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
