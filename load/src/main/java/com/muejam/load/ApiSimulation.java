package com.muejam.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * One scenario of the {@link Plan} as a Gatling simulation: an open model (new arrivals at a constant, randomised
 * rate, each doing one request), connections shared between virtual users as a browser fleet behind a proxy would.
 * Every answer is recorded in the plan's {@link Timeline} with its status, so the suite sees 409/429/503 apart
 * from losses; Gatling's own report shows the same requests over time.
 */
public class ApiSimulation extends Simulation {

    public ApiSimulation() {
        Plan plan = Plan.current();
        Workload w = plan.workload();
        Timeline timeline = plan.timeline();
        HttpProtocolBuilder protocol = http.baseUrl(plan.baseUrl().replaceAll("/+$", ""))
                .acceptHeader("application/json")
                .shareConnections()
                .disableWarmUp()
                .disableCaching();

        ChainBuilder chain = switch (plan.scenario()) {
            case CEILING -> timed(timeline, http("ping").get("/api/ping"));
            case CACHED_FEED -> timed(timeline, http("feed").get("/api/discover/newest"));
            case STORY_BY_ID -> exec(s -> s.set("story", w.zipfStory()))
                    .exec(timed(timeline, http("story").get("/api/stories/#{story}")));
            case REPLICA_READ -> exec(s -> s.set("prefix", w.anyPrefix()))
                    .exec(timed(timeline, http("profiles").get("/api/profiles?prefix=#{prefix}")));
            case WRITES -> edit(w, timeline);
            case MIX -> randomSwitch().on(
                    percent(40.0).then(signedIn(w).exec(s -> s.set("story", w.zipfStory()))
                            .exec(timed(timeline, auth(http("story").get("/api/stories/#{story}"))))),
                    percent(30.0).then(signedIn(w)
                            .exec(timed(timeline, auth(http("feed").get("/api/discover/newest"))))),
                    percent(10.0).then(signedIn(w).exec(s -> s.set("prefix", w.anyPrefix()))
                            .exec(timed(timeline, auth(http("profiles").get("/api/profiles?prefix=#{prefix}"))))),
                    percent(20.0).then(edit(w, timeline)));
        };
        ScenarioBuilder scn = scenario(plan.scenario().id()).exec(chain);
        setUp(scn.injectOpen(constantUsersPerSec(plan.ratePerSecond()).during(plan.duration()).randomized()))
                .protocols(protocol)
                .maxDuration(plan.duration().plusSeconds(60));
    }

    private static ChainBuilder signedIn(Workload w) {
        return exec(s -> {
            Workload.User u = w.anyUser();
            return s.set("token", u.token()).set("storyOwned", u.story()).set("address", u.address());
        });
    }

    private static HttpRequestActionBuilder auth(HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{token}").header("X-Forwarded-For", "#{address}");
    }

    private static ChainBuilder edit(Workload w, Timeline timeline) {
        return signedIn(w).exec(s -> s.set("n", w.nextEdit()))
                .exec(timed(timeline, auth(http("edit").patch("/api/stories/#{storyOwned}")
                        .body(StringBody("{\"title\":\"load edit #{n}\"}")).asJson())));
    }

    /** The request, with its status and time recorded (status 0 and the elapsed time when no answer came). */
    private static ChainBuilder timed(Timeline timeline, HttpRequestActionBuilder request) {
        return exec(s -> s.set("t0", System.nanoTime()).remove("status").remove("rt"))
                .exec(request.check(status().saveAs("status"), responseTimeInMillis().saveAs("rt")))
                .exec(s -> {
                    record(timeline, s);
                    return s;
                });
    }

    private static void record(Timeline timeline, Session s) {
        int status = s.contains("status") ? s.getInt("status") : 0;
        long rt = s.contains("rt") ? s.getLong("rt") : (System.nanoTime() - s.getLong("t0")) / 1_000_000;
        timeline.record(status, rt);
    }
}
