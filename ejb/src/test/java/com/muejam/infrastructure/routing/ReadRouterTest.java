package com.muejam.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReadRouterTest {

    private final ReplicaRotation one = new ReplicaRotation(Route.REPLICA);
    private final ReplicaRotation two = new ReplicaRotation(Route.REPLICA_2);
    private final ReadRouter router = new ReadRouter(List.of(one, two));

    private static void healthy(ReplicaRotation r, long lsn) {
        r.observe(ReplicaObservation.of(true, lsn, 0, 0), 0, 1_000_000_000L, 0);
    }

    @Test
    void balancesRoundRobinOverTheReplicasInRotation() {
        healthy(one, 100);
        healthy(two, 100);
        Map<Route, Integer> counts = new EnumMap<>(Route.class);
        for (int i = 0; i < 1000; i++) {
            Decision d = router.route(Lsn.NONE);
            assertThat(d.fallback()).isNull();
            counts.merge(d.route(), 1, Integer::sum);
        }
        assertThat(counts).containsEntry(Route.REPLICA, 500).containsEntry(Route.REPLICA_2, 500);
    }

    @Test
    void aReplicaOutOfRotationIsSkippedAndNoneLeftMeansThePrimaryWithTheReason() {
        healthy(one, 100);
        healthy(two, 100);
        two.markDown("gone");
        for (int i = 0; i < 10; i++) {
            assertThat(router.route(Lsn.NONE).route()).isEqualTo(Route.REPLICA);
        }
        one.observe(ReplicaObservation.of(true, 100, 5_000_000_000L, 0), 1, 1_000_000_000L, 0);
        Decision lag = router.route(Lsn.NONE);
        assertThat(lag.route()).isEqualTo(Route.PRIMARY);
        assertThat(lag.fallback()).isEqualTo(Fallback.LAG);

        one.markDown("gone");
        assertThat(router.route(Lsn.NONE).fallback()).isEqualTo(Fallback.DOWN);
    }

    @Test
    void readYourWritesUsesOnlyReplicasThatReplayedThePositionElseThePrimary() {
        healthy(one, 100);
        healthy(two, 300);
        for (int i = 0; i < 10; i++) {
            assertThat(router.route(200).route()).isEqualTo(Route.REPLICA_2);
            assertThat(router.route(300).route()).isEqualTo(Route.REPLICA_2);
        }
        Decision d = router.route(301);
        assertThat(d.route()).isEqualTo(Route.PRIMARY);
        assertThat(d.fallback()).isEqualTo(Fallback.READ_YOUR_WRITES);
        assertThat(router.route(Long.MAX_VALUE).fallback()).isEqualTo(Fallback.READ_YOUR_WRITES);
    }

    @Test
    void uncheckedReplicasAreNotUsed() {
        assertThat(router.route(Lsn.NONE).fallback()).isEqualTo(Fallback.DOWN);
        assertThat(new ReadRouter(List.of()).route(Lsn.NONE).route()).isEqualTo(Route.PRIMARY);
    }
}
