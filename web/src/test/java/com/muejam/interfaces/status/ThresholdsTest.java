package com.muejam.interfaces.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static StatusSnapshot snapshot(List<StatusSnapshot.Pool> pools, List<StatusSnapshot.Replica> replicas,
            List<StatusSnapshot.Region> regions, String breaker, List<StatusSnapshot.Route> routes) {
        return new StatusSnapshot(0, pools, replicas, new StatusSnapshot.Cache(breaker, 0, regions),
                new StatusSnapshot.SlowQueries(0, List.of()), new StatusSnapshot.Requests(0, 0, List.of()),
                routes, List.of()).withFlags();
    }

    private static List<String> keys(StatusSnapshot s) {
        return s.flags().stream().map(Thresholds.Flag::key).toList();
    }

    @Test
    void aPoolAtEightyPercentIsFlaggedAndOneJustBelowIsNot() {
        StatusSnapshot s = snapshot(List.of(new StatusSnapshot.Pool("primary", 8, 2, 3, 10, 0.8, 0),
                new StatusSnapshot.Pool("replica", 7, 3, 0, 10, 0.79, 0),
                new StatusSnapshot.Pool("replica2", 0, 0, 0, 0, null, 0)), List.of(), List.of(), "CLOSED", List.of());
        assertThat(keys(s)).containsExactly("pool:primary");
        assertThat(s.flags().get(0).message()).isEqualTo("pool primary at 80 % (8 of 10 in use, 3 waiting)");
    }

    @Test
    void aLaggingReplicaOutOfRotationRaisesBothFlagsAndAnUnreachableOneSaysSo() {
        StatusSnapshot s = snapshot(List.of(), List.of(new StatusSnapshot.Replica("replica", true, false, 2.54, 900L),
                new StatusSnapshot.Replica("replica2", false, false, null, null),
                new StatusSnapshot.Replica("replica3", true, true, 1.0, 0L)), List.of(), "CLOSED", List.of());
        assertThat(s.flags()).extracting(Thresholds.Flag::message).containsExactly("replica replica lag 2.5 s",
                "replica replica out of rotation", "replica replica2 unreachable", "replica replica2 out of rotation");
    }

    @Test
    void hitRateIsJudgedOnlyOnceARegionHasServedEnoughRequests() {
        StatusSnapshot s = snapshot(List.of(), List.of(), List.of(
                new StatusSnapshot.Region("feed", 50, 50, 0, 50, 0.5, 0),
                new StatusSnapshot.Region("item", 5, 5, 0, 5, 0.5, 0),
                new StatusSnapshot.Region("user", 90, 10, 0, 10, 0.9, 0)), "OPEN", List.of());
        assertThat(keys(s)).containsExactly("cache:feed", "breaker");
    }

    @Test
    void aRouteWhoseP95IsAboveOneHundredMillisecondsIsFlagged() {
        StatusSnapshot s = snapshot(List.of(), List.of(), List.of(), "CLOSED", List.of(
                new StatusSnapshot.Route("GET", "/api/stories", "2xx", 10, 0.01, 0.101, 0.2),
                new StatusSnapshot.Route("GET", "/api/stories/{id}", "2xx", 10, 0.01, 0.1, 0.2),
                new StatusSnapshot.Route("GET", "/api/feed", "2xx", 0, null, null, null)));
        assertThat(s.flags()).extracting(Thresholds.Flag::message).containsExactly("GET /api/stories p95 101 ms");
    }
}
