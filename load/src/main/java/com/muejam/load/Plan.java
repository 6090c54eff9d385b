package com.muejam.load;

import java.time.Duration;

/**
 * The run {@link ApiSimulation} performs next: Gatling instantiates the simulation class itself, so the suite
 * hands it the scenario, rate and data through this holder before each run.
 */
public record Plan(Scenario scenario, String baseUrl, double ratePerSecond, Duration duration, Workload workload,
                   Timeline timeline, String nodeA, String nodeB, Duration anonymousBound) {

    public Plan(Scenario scenario, String baseUrl, double ratePerSecond, Duration duration, Workload workload,
                Timeline timeline) {
        this(scenario, baseUrl, ratePerSecond, duration, workload, timeline, null, null, Duration.ZERO);
    }

    private static volatile Plan current;

    public static void set(Plan plan) {
        current = plan;
    }

    public static Plan current() {
        Plan p = current;
        if (p == null) {
            throw new IllegalStateException("no plan: the simulation is run by LoadSuite");
        }
        return p;
    }
}
