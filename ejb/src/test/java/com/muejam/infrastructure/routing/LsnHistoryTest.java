package com.muejam.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LsnHistoryTest {

    private static final long MS = 1_000_000;

    @Test
    void noLagWhenTheReplicaHasReplayedTheLatestSample() {
        LsnHistory h = new LsnHistory(8);
        assertThat(h.lagNanos(0, 10 * MS)).isZero();
        h.record(0, 100);
        h.record(100 * MS, 200);
        assertThat(h.lagNanos(200, 150 * MS)).isZero();
        assertThat(h.lagNanos(250, 150 * MS)).isZero();
        assertThat(h.latest()).isEqualTo(200);
    }

    @Test
    void lagIsTheTimeSinceThePrimaryWasFirstSeenPastTheReplayedPosition() {
        LsnHistory h = new LsnHistory(8);
        h.record(0, 100);
        h.record(100 * MS, 100);
        h.record(200 * MS, 150); // first sample past 120
        h.record(300 * MS, 300);
        assertThat(h.lagNanos(120, 1200 * MS)).isEqualTo(1000 * MS);
        assertThat(h.lagNanos(150, 1200 * MS)).isEqualTo(900 * MS);
        assertThat(h.lagNanos(100, 1200 * MS)).isEqualTo(1000 * MS);
    }

    @Test
    void anIdlePrimaryDoesNotMakeACaughtUpReplicaLag() {
        LsnHistory h = new LsnHistory(8);
        h.record(0, 500);
        h.record(60_000 * MS, 500); // a minute without writes
        h.record(60_100 * MS, 600); // one write
        // replica has everything but the last 100 ms: lag is ~ that, not a minute
        assertThat(h.lagNanos(500, 60_150 * MS)).isEqualTo(50 * MS);
    }

    @Test
    void whenTheWholeWindowIsAheadTheOldestSampleGivesALowerBound() {
        LsnHistory h = new LsnHistory(4);
        for (int i = 0; i < 10; i++) {
            h.record(i * 100 * MS, 1000 + i);
        }
        // samples kept: t=600..900 ms; replica at 10 is behind all of them
        assertThat(h.lagNanos(10, 2000 * MS)).isEqualTo(1400 * MS);
        assertThat(h.latest()).isEqualTo(1009);
    }

    @Test
    void aPositionsAgeIsTheTimeSinceThePrimaryWasFirstSeenAtOrPastIt() {
        LsnHistory h = new LsnHistory(4);
        assertThat(h.ageNanos(100, 10 * MS)).as("no sample yet: just written").isZero();
        h.record(0, 100);
        h.record(100 * MS, 200);
        h.record(200 * MS, 300);
        assertThat(h.ageNanos(300, 250 * MS)).isEqualTo(50 * MS);
        assertThat(h.ageNanos(250, 250 * MS)).as("first sample at or past 250 is the one at 200 ms").isEqualTo(50 * MS);
        assertThat(h.ageNanos(200, 250 * MS)).isEqualTo(150 * MS);
        assertThat(h.ageNanos(301, 250 * MS)).as("newer than every sample").isZero();
        h.record(300 * MS, 400);
        h.record(400 * MS, 500); // the sample at 0 ms (100) is overwritten
        assertThat(h.ageNanos(50, 1000 * MS)).as("older than the history: at least the oldest sample's age")
                .isEqualTo(900 * MS);
    }
}
