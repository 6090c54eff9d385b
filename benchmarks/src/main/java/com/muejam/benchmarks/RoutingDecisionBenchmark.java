package com.muejam.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import com.muejam.infrastructure.routing.Decision;
import com.muejam.infrastructure.routing.ReadRouter;
import com.muejam.infrastructure.routing.ReplicaObservation;
import com.muejam.infrastructure.routing.ReplicaRotation;
import com.muejam.infrastructure.routing.Route;

/**
 * The routing decision core (the application's {@link ReadRouter} over two healthy replicas), per read: no
 * token, a token both replicas satisfy, a token none satisfies (primary fallback), and four threads sharing
 * the round-robin counter. The in-container cost around it (configuration switch, transaction status, request
 * scope, metrics, route stack) is printed by the integration test RoutingIT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingDecisionBenchmark {

    private ReadRouter router;

    @Setup
    public void setUp() {
        ReplicaRotation one = new ReplicaRotation(Route.REPLICA);
        ReplicaRotation two = new ReplicaRotation(Route.REPLICA_2);
        one.observe(ReplicaObservation.of(true, 1000, 0, 0), System.nanoTime(), 1_000_000_000L, 5_000_000_000L);
        two.observe(ReplicaObservation.of(true, 1000, 0, 0), System.nanoTime(), 1_000_000_000L, 5_000_000_000L);
        router = new ReadRouter(List.of(one, two));
    }

    @Benchmark
    public Decision noToken() {
        return router.route(0);
    }

    @Benchmark
    public Decision satisfiedToken() {
        return router.route(900);
    }

    @Benchmark
    public Decision unsatisfiedTokenFallsBackToPrimary() {
        return router.route(2000);
    }

    @Benchmark
    @Threads(4)
    public Decision noTokenFourThreads() {
        return router.route(0);
    }
}
