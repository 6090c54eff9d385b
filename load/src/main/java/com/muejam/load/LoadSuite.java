package com.muejam.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;

/**
 * The load and fault suite over the HTTP API of a running MueJam (see {@code bin/bench.sh}, which starts one on
 * project-started services with a seeded data set). For each scenario a peak search steps the arrival rate up
 * until p99 exceeds 100 ms or requests are refused or lost; the highest rate that held is the scenario's
 * throughput, run once more with Gatling's HTML report. Then the mixed scenario at 70% of its peak, the faults on
 * the mixed scenario, pgbench on the same primary, and the report ({@link Report}).
 */
public final class LoadSuite {

    /** What to run and against what. */
    public record Options(String baseUrl, Path servicesStateDir, Path jbossCli, String controller, Path out,
                          Path results, boolean smoke, int users, int poolMin, int poolMax, String machine,
                          String commit) {
    }

    /** Everything one suite run measured. */
    public record Summary(Map<Scenario, RunResult> scenarios, Map<Scenario, List<RunResult>> steps,
                          RunResult mixAt70, List<FaultResult> faults, Pgbench.Result pgbench, Options options,
                          int users, int stories) {
    }

    static final long P99_BOUND_MS = 100;

    private final Options o;
    private Workload workload;
    private int run;

    public LoadSuite(Options options) {
        this.o = options;
    }

    public Summary run() throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.data.console.light", "true");
        Faults faults = new Faults(o.servicesStateDir(), o.jbossCli(), o.controller(), o.poolMin(), o.poolMax());
        log("preparing %d signed-in users through the API...", o.users());
        workload = new Preparation(o.baseUrl()).prepare(faults.services().primary(), o.users(), 100_000);
        log("%d users, %d published stories for the Zipf reads", workload.userCount(), workload.storyCount());

        Map<Scenario, RunResult> results = new EnumMap<>(Scenario.class);
        Map<Scenario, List<RunResult>> steps = new EnumMap<>(Scenario.class);
        Duration reportRun = o.smoke() ? Duration.ofSeconds(3) : Duration.ofSeconds(20);
        for (Scenario s : Scenario.values()) {
            double rate;
            if (o.smoke()) {
                rate = 20;
                steps.put(s, List.of());
            } else {
                List<RunResult> tried = peakSearch(s);
                steps.put(s, tried);
                rate = tried.stream().filter(r -> r.sustained(P99_BOUND_MS)).mapToDouble(RunResult::offeredPerSecond)
                        .max().orElse(tried.get(0).offeredPerSecond() / 2);
            }
            RunResult r = once(s, rate, reportRun, true, s.id());
            results.put(s, r);
            log("%-13s %8.0f/s offered %8.1f/s served  p50 %d  p95 %d  p99 %d  max %d ms  %s", s.id(), rate,
                    r.throughput(), r.percentile(50), r.percentile(95), r.percentile(99), r.max(), r.statuses());
        }
        double mixPeak = results.get(Scenario.MIX).offeredPerSecond();
        RunResult at70 = once(Scenario.MIX, Math.max(1, Math.round(mixPeak * 0.7)), reportRun, true, "mix-at-70pct");
        log("mix at 70%% of its peak (%.0f/s): p95 %d ms", at70.offeredPerSecond(), at70.percentile(95));

        List<FaultResult> faultResults = new ArrayList<>();
        double faultRate = o.smoke() ? 20 : Math.max(10, Math.round(mixPeak * 0.5));
        for (Faults.Fault f : List.of(faults.replicaKill(), faults.redisKill(), faults.poolSqueeze(2))) {
            faultResults.add(withFault(f, faultRate));
        }
        Pgbench.Result pg = Pgbench.run(faults.services().primary(), 8, o.smoke() ? 2 : 10, o.out().resolve("pgbench"));
        if (pg != null) {
            log("pgbench: %.0f single-row UPDATEs/s at %d clients", pg.tps(), pg.clients());
        } else {
            log("pgbench not found: the write yardstick is skipped");
        }
        Summary summary = new Summary(results, steps, at70, faultResults, pg, o, workload.userCount(),
                workload.storyCount());
        new Report(summary).write();
        return summary;
    }

    /** Steps the rate up by half each time from a modest start until a step does not hold (or a cap). */
    private List<RunResult> peakSearch(Scenario s) throws Exception {
        List<RunResult> tried = new ArrayList<>();
        double rate = s == Scenario.WRITES || s == Scenario.MIX ? 100 : 200;
        for (int i = 0; i < 14; i++) {
            RunResult r = once(s, rate, Duration.ofSeconds(8), false, s.id() + "-step-" + Math.round(rate));
            tried.add(r);
            log("  %-13s step %6.0f/s: served %8.1f/s p99 %d ms, %s -> %s", s.id(), rate, r.throughput(),
                    r.percentile(99), r.statuses(), r.sustained(P99_BOUND_MS) ? "held" : "did not hold");
            if (!r.sustained(P99_BOUND_MS)) {
                break;
            }
            rate = Math.round(rate * 1.5);
        }
        return tried;
    }

    private FaultResult withFault(Faults.Fault fault, double rate) throws Exception {
        Duration length = o.smoke() ? Duration.ofSeconds(8) : Duration.ofSeconds(30);
        int injectAt = o.smoke() ? 2 : 10;
        int repairAt = o.smoke() ? 4 : 20;
        Snapshot before = Snapshot.take(o.baseUrl());
        Thread injector = new Thread(() -> {
            try {
                Thread.sleep(injectAt * 1000L);
                fault.inject();
                Thread.sleep((repairAt - injectAt) * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                fault.repair();
            }
        }, "fault-" + fault.id());
        // the injector counts from the timeline's start, so the marks are in the timeline's seconds
        Timeline timeline = new Timeline();
        injector.start();
        RunResult r = once(Scenario.MIX, rate, length, true, "fault-" + fault.id(), timeline);
        injector.join();
        Thread.sleep(o.smoke() ? 3000 : 10_000); // let the monitors see the repaired service
        Snapshot after = Snapshot.take(o.baseUrl());
        FaultResult fr = new FaultResult(fault.id(), fault.description(), r, injectAt, repairAt, before, after);
        log("fault %-12s at %.0f/s: lost %d, worst %d ms, back after %d s; %s", fault.id(), rate, r.lost(),
                fr.worstDuringFault(), fr.secondsUntilBack(), r.statuses());
        log("  before: %s", before.brief());
        log("  after:  %s", after.brief());
        return fr;
    }

    /** One Gatling run of {@code scenario} at {@code rate} arrivals per second. */
    RunResult once(Scenario scenario, double rate, Duration duration, boolean report, String label) throws IOException {
        return once(scenario, rate, duration, report, label, new Timeline());
    }

    private RunResult once(Scenario scenario, double rate, Duration duration, boolean report, String label,
            Timeline timeline) throws IOException {
        Path dir = o.out().resolve("gatling").resolve(String.format("%02d-%s", ++run, label));
        Files.createDirectories(dir);
        Plan.set(new Plan(scenario, o.baseUrl(), rate, duration, workload, timeline));
        List<String> args = new ArrayList<>(List.of("--simulation", ApiSimulation.class.getName(),
                "--results-folder", dir.toAbsolutePath().toString(), "--run-description", label));
        if (!report) {
            args.add("--no-reports");
        }
        int status = Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
        if (status != 0 && timeline.all().getTotalCount() == 0) {
            throw new IllegalStateException("Gatling run " + label + " failed with status " + status);
        }
        Path index = null;
        try (Stream<Path> found = Files.walk(dir, 2)) {
            index = found.filter(p -> p.getFileName().toString().equals("index.html")).findFirst().orElse(null);
        }
        return new RunResult(scenario, label, rate, duration, timeline, index);
    }

    static void log(String format, Object... args) {
        System.out.printf("[load] " + format + "%n", args);
    }

    /**
     * {@code LoadSuite --url U --services-state-dir D --jboss-cli C --controller H:P [--out target/load]
     * [--results benchmarks] [--users 2000] [--smoke] [--pool-min 10 --pool-max 50] [--machine text] [--commit id]}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                smoke = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                a.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Options o = new Options(require(a, "url"), Path.of(require(a, "services-state-dir")),
                Path.of(require(a, "jboss-cli")), require(a, "controller"),
                Path.of(a.getOrDefault("out", "target/load")), Path.of(a.getOrDefault("results", "benchmarks")),
                smoke, Integer.parseInt(a.getOrDefault("users", smoke ? "20" : "2000")),
                Integer.parseInt(a.getOrDefault("pool-min", "10")), Integer.parseInt(a.getOrDefault("pool-max", "50")),
                a.getOrDefault("machine", Runtime.getRuntime().availableProcessors() + " cores"),
                a.getOrDefault("commit", "unknown"));
        new LoadSuite(o).run();
        System.exit(0); // Gatling leaves non-daemon threads behind
    }

    private static String require(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
