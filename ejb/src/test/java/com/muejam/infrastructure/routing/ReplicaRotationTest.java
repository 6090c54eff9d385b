package com.muejam.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.muejam.infrastructure.routing.ReplicaRotation.State;
import com.muejam.infrastructure.routing.ReplicaRotation.Transition;

class ReplicaRotationTest {

    private static final long MS = 1_000_000;
    private static final long MAX_LAG = 1000 * MS;
    private static final long REJOIN = 5000 * MS;

    private final ReplicaRotation rotation = new ReplicaRotation(Route.REPLICA);

    private Transition check(long atMs, ReplicaObservation o) {
        return rotation.observe(o, atMs * MS, MAX_LAG, REJOIN);
    }

    private static ReplicaObservation healthy(long lsn, long lagMs) {
        return ReplicaObservation.of(true, lsn, lagMs * MS, 0);
    }

    @Test
    void notUsedBeforeTheFirstCheckAndJoinsAtOnceOnAHealthyFirstCheck() {
        assertThat(rotation.inRotation()).isFalse();
        assertThat(rotation.state()).isEqualTo(State.UNCHECKED);
        assertThat(check(0, healthy(42, 0))).isEqualTo(Transition.JOINED);
        assertThat(rotation.inRotation()).isTrue();
        assertThat(rotation.replayLsn()).isEqualTo(42);
    }

    @Test
    void leavesOnLagAboveTheMaximumAndRejoinsOnlyAfterStayingHealthyForTheRejoinDelay() {
        check(0, healthy(1, 0));
        assertThat(check(100, healthy(1, 1000))).as("exactly the maximum is still fine").isEqualTo(Transition.NONE);
        assertThat(check(200, healthy(1, 1001))).isEqualTo(Transition.LEFT);
        assertThat(rotation.state()).isEqualTo(State.OUT_LAG);
        assertThat(rotation.outCause()).contains("lag 1.0 s");

        // healthy again, but hovering: one bad check restarts the clock (no flapping)
        assertThat(check(1000, healthy(2, 10))).isEqualTo(Transition.NONE);
        assertThat(check(5000, healthy(3, 900))).isEqualTo(Transition.NONE);
        assertThat(check(5900, healthy(3, 1200))).isEqualTo(Transition.NONE);
        assertThat(rotation.inRotation()).isFalse();
        assertThat(check(6000, healthy(4, 0))).isEqualTo(Transition.NONE);
        assertThat(check(10_999, healthy(5, 0))).isEqualTo(Transition.NONE);
        assertThat(rotation.inRotation()).isFalse();
        assertThat(check(11_000, healthy(6, 0))).isEqualTo(Transition.JOINED);
        assertThat(rotation.inRotation()).isTrue();
        assertThat(rotation.outCause()).isEmpty();
    }

    @Test
    void anUnreachableReplicaLeavesAtOnceAndADownReportRestartsTheHealthyStretch() {
        check(0, healthy(1, 0));
        assertThat(check(100, ReplicaObservation.unreachable("timeout"))).isEqualTo(Transition.LEFT);
        assertThat(rotation.state()).isEqualTo(State.OUT_DOWN);
        assertThat(rotation.replayLsn()).as("an unreachable check keeps the last known position").isEqualTo(1);
        check(200, healthy(2, 0));
        check(4000, healthy(2, 0));
        assertThat(rotation.markDown("I/O error")).isEqualTo(Transition.NONE);
        assertThat(check(5300, healthy(2, 0))).as("5.1 s after the first healthy check, but the report reset it")
                .isEqualTo(Transition.NONE);
        assertThat(check(10_300, healthy(2, 0))).isEqualTo(Transition.JOINED);
        assertThat(rotation.markDown("I/O error")).isEqualTo(Transition.LEFT);
        assertThat(rotation.outCause()).contains("read failed: I/O error");
    }

    @Test
    void unreachableAtStartStaysOutUntilHealthyForTheRejoinDelay() {
        assertThat(check(0, ReplicaObservation.unreachable("refused"))).isEqualTo(Transition.NONE);
        assertThat(rotation.state()).isEqualTo(State.OUT_DOWN);
        check(100, healthy(1, 0));
        assertThat(rotation.inRotation()).isFalse();
        assertThat(check(5100, healthy(1, 0))).isEqualTo(Transition.JOINED);
    }
}
