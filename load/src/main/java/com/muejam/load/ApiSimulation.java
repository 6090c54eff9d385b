package com.muejam.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
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

    static final long MAX_IN_FLIGHT = 4000;

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
            case CROSS_NODE -> crossNode(plan, w, timeline);
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

    private static final java.util.regex.Pattern EDIT_NUMBER = java.util.regex.Pattern.compile("\"title\"\\s*:\\s*\"xnode (\\d+)\"");

    /**
     * One cycle per arrival: a user no other cycle holds edits its story on node A, reads it back on node B at once
     * (signed in, without the token of the edit), and anonymously after the documented bound. A read showing an
     * older edit than the cycle's own is stale; a cycle that finds every user busy is skipped.
     */
    private static ChainBuilder crossNode(Plan plan, Workload w, Timeline timeline) {
        String a = plan.nodeA().replaceAll("/+$", "");
        String b = plan.nodeB().replaceAll("/+$", "");
        return exec(s -> {
            Workload.User u = w.borrow();
            if (u == null) {
                timeline.crossSkipped();
                return s.markAsFailed();
            }
            return s.set("user", u).set("token", u.token()).set("storyOwned", u.story()).set("address", u.address())
                    .set("n", w.nextEdit());
        }).exitHereIfFailed()
                .exec(timed(timeline, auth(http("edit on A").patch(a + "/api/stories/#{storyOwned}")
                        .body(StringBody("{\"title\":\"xnode #{n}\"}")).asJson())))
                .exec(timed(timeline, auth(http("same user on B").get(b + "/api/stories/#{storyOwned}"))
                        .check(io.gatling.javaapi.core.CoreDsl.bodyString().saveAs("body"))))
                .exec(s -> readBack(timeline, s, true))
                .pause(plan.anonymousBound())
                .exec(timed(timeline, http("anonymous on B").get(b + "/api/stories/#{storyOwned}")
                        .check(io.gatling.javaapi.core.CoreDsl.bodyString().saveAs("body"))))
                .exec(s -> {
                    Session out = readBack(timeline, s, false);
                    w.giveBack(s.get("user"));
                    return out;
                });
    }

    private static Session readBack(Timeline timeline, Session s, boolean sameUser) {
        long n = s.getLong("n");
        String body = s.contains("body") ? s.getString("body") : "";
        java.util.regex.Matcher m = EDIT_NUMBER.matcher(body);
        // an answer without the title (an error) is not a read-back: the timeline counts it by status
        if (m.find()) {
            timeline.readBack(sameUser, Long.parseLong(m.group(1)) < n);
        }
        return s.remove("body");
    }

    /** The request, with its status and time recorded (status 0 and the elapsed time when no answer came). */
    private static ChainBuilder timed(Timeline timeline, HttpRequestActionBuilder request) {
        // An open model keeps sending whatever the server does: past this many unanswered requests the server is
        // overloaded and the step is over (this also keeps the generator within its open-file limit).
        return exec(stopLoadGeneratorIf("more than " + MAX_IN_FLIGHT + " requests unanswered: overloaded", s -> {
                    if (timeline.inFlight() > MAX_IN_FLIGHT) {
                        timeline.markOverloaded();
                        return true;
                    }
                    return false;
                }))
                .exec(s -> {
                    timeline.sending();
                    return s.set("t0", System.nanoTime()).remove("status").remove("rt");
                })
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
