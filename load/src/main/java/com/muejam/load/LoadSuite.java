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
                          String commit, List<String> nodeUrls) {
    }

    /** A cross-node run: the read-back bound used for anonymous reads, and whether Redis was down throughout. */
    public record CrossNode(String label, RunResult run, Duration anonymousBound, boolean redisDown) {
    }

    /** Everything one suite run measured. */
    public record Summary(Map<Scenario, RunResult> scenarios, Map<Scenario, RunResult> peaks,
                          Map<Scenario, List<RunResult>> steps,
                          RunResult mixAt70, List<FaultResult> faults, List<CrossNode> crossNode,
                          Pgbench.Result pgbench, Options options, int users, int stories) {
    }

    static final long P99_BOUND_MS = 100;
    /** Peak search: each step's length and the factor between steps. */
    static final Duration STEP = Duration.ofSeconds(6);
    static final double STEP_FACTOR = 1.7;
    static final Duration PROBE_WARM_UP = Duration.ofSeconds(20);

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
        System.setProperty("gatling.data.writers.0", "file"); // no console table every 5 s: the suite prints its own
        Faults faults = new Faults(o.servicesStateDir(), o.jbossCli(), o.controller(), o.poolMin(), o.poolMax());
        log("preparing %d signed-in users through the API...", o.users());
        workload = new Preparation(o.baseUrl()).prepare(faults.services().primary(), o.users(), 100_000);
        log("%d users, %d published stories for the Zipf reads", workload.userCount(), workload.storyCount());

        Map<Scenario, RunResult> results = new EnumMap<>(Scenario.class);
        Map<Scenario, RunResult> peaks = new EnumMap<>(Scenario.class);
        Map<Scenario, List<RunResult>> steps = new EnumMap<>(Scenario.class);
        Duration reportRun = o.smoke() ? Duration.ofSeconds(3) : Duration.ofSeconds(20);
        for (Scenario s : Scenario.SINGLE_NODE) {
            RunResult peak;
            if (o.smoke()) {
                steps.put(s, List.of());
                peak = null;
            } else {
                List<RunResult> tried = peakSearch(s);
                steps.put(s, tried);
                peak = tried.stream().filter(r -> r.sustained(P99_BOUND_MS))
                        .max(java.util.Comparator.comparingDouble(RunResult::offeredPerSecond)).orElse(tried.get(0));
            }
            // latencies are taken at 70% of the peak, where a service is meant to run
            double rate = o.smoke() ? 20 : Math.max(1, Math.round(peak.offeredPerSecond() * 0.7));
            RunResult r = once(s, rate, reportRun, true, s.id());
            results.put(s, r);
            peaks.put(s, peak == null ? r : peak);
            log("%-13s peak %8.1f/s; at %6.0f/s: p50 %d  p95 %d  p99 %d  max %d ms  %s", s.id(),
                    peaks.get(s).throughput(), rate, r.percentile(50), r.percentile(95), r.percentile(99), r.max(),
                    r.statuses());
        }
        double mixPeak = peaks.get(Scenario.MIX).offeredPerSecond();
        RunResult at70 = results.get(Scenario.MIX);

        List<FaultResult> faultResults = new ArrayList<>();
        double faultRate = o.smoke() ? 20 : Math.max(10, Math.round(mixPeak * 0.5));
        for (Faults.Fault f : List.of(faults.replicaKill(), faults.redisKill(), faults.poolSqueeze(2))) {
            faultResults.add(withFault(f, faultRate));
        }
        List<CrossNode> cross = new ArrayList<>();
        if (o.nodeUrls().size() >= 2) {
            cross.add(crossNode(faults, false));
            cross.add(crossNode(faults, true));
        }
        Pgbench.Result pg = Pgbench.run(faults.services().primary(), 8, o.smoke() ? 2 : 10, o.out().resolve("pgbench"));
        if (pg != null) {
            log("pgbench: %.0f single-row UPDATEs/s at %d clients", pg.tps(), pg.clients());
        } else {
            log("pgbench not found: the write yardstick is skipped");
        }
        Summary summary = new Summary(results, peaks, steps, at70, faultResults, cross, pg, o, workload.userCount(),
                workload.storyCount());
        new Report(summary).write();
        return summary;
    }

    /** One probe run: a scenario at a fixed arrival rate for a while. */
    public record ProbeStep(Scenario scenario, double rate, Duration duration) {

        /** {@code writes:150:30}: scenario id, arrivals per second, seconds. */
        static ProbeStep parse(String text) {
            String[] p = text.trim().split(":");
            if (p.length != 3) {
                throw new IllegalArgumentException("a probe step is scenario:rate:seconds, e.g. writes:150:30, not " + text);
            }
            Scenario s = Stream.of(Scenario.values()).filter(x -> x.id().equals(p[0])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scenario " + p[0]));
            return new ProbeStep(s, Double.parseDouble(p[1]), Duration.ofSeconds(Long.parseLong(p[2])));
        }
    }

    /**
     * Runs each step at its fixed rate and prints, besides the latencies, the CPU time the server JVM
     * ({@code serverPid}) and the project's services (PostgreSQL primary and replicas, Redis) spent per answer:
     * a finer comparison of two builds than the peak search, whose ×1.7 steps hide differences smaller than a step.
     * The steps follow an uncounted 20 s warm-up at the first step's scenario and rate. The CPU includes what the processes do when idle (replica lag probes, metrics), which weighs less the higher
     * the rate.
     */
    public List<String> probe(List<ProbeStep> probeSteps, long serverPid) throws Exception {
        if (probeSteps.isEmpty()) {
            throw new IllegalArgumentException("no probe steps");
        }
        Faults faults = new Faults(o.servicesStateDir(), o.jbossCli(), o.controller(), o.poolMin(), o.poolMax());
        List<Long> services = new ArrayList<>();
        services.add(faults.services().primary().pid());
        faults.services().replicas().forEach(r -> services.add(r.pid()));
        services.add(faults.services().redis().pid());
        log("preparing %d signed-in users through the API...", o.users());
        workload = new Preparation(o.baseUrl()).prepare(faults.services().primary(), o.users(), 100_000);
        // an uncounted warm-up (JIT, caches, pools), as before the peak search
        ProbeStep first = probeSteps.get(0);
        once(first.scenario(), first.rate(), PROBE_WARM_UP, false, "probe-warm-up");
        List<String> lines = new ArrayList<>();
        for (ProbeStep step : probeSteps) {
            Duration server0 = ProcessCpu.of(List.of(serverPid));
            Duration services0 = ProcessCpu.of(services);
            RunResult r = once(step.scenario(), step.rate(), step.duration(), false, "probe-" + step.scenario().id());
            double answers = Math.max(1, r.completed());
            double serverMs = ProcessCpu.of(List.of(serverPid)).minus(server0).toMillis() / answers;
            double servicesMs = ProcessCpu.of(services).minus(services0).toMillis() / answers;
            String line = String.format(java.util.Locale.ROOT,
                    "probe %-12s %6.0f/s for %3d s: served %7.1f/s  p50 %d  p95 %d  p99 %d  max %d ms  lost %d  %s"
                            + "  CPU per answer: server %.2f ms, services %.2f ms",
                    step.scenario().id(), step.rate(), step.duration().toSeconds(), r.throughput(), r.percentile(50),
                    r.percentile(95), r.percentile(99), r.max(), r.lost(), r.statuses(), serverMs, servicesMs);
            log("%s", line);
            lines.add(line);
        }
        Files.createDirectories(o.out());
        Files.write(o.out().resolve("probe.txt"), lines);
        return lines;
    }

    /** Only the cross-node runs (normal, then with Redis down), for a quick check of two running nodes. */
    public List<CrossNode> runCrossNode() throws Exception {
        if (o.nodeUrls().size() < 2) {
            throw new IllegalArgumentException("the cross-node runs need two node URLs");
        }
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.data.writers.0", "file");
        Faults faults = new Faults(o.servicesStateDir(), o.jbossCli(), o.controller(), o.poolMin(), o.poolMax());
        workload = new Preparation(o.baseUrl()).prepare(faults.services().primary(), o.users(), 1000);
        return List.of(crossNode(faults, false), crossNode(faults, true));
    }

    /**
     * Edits on the first node read back on the second: by the same user at once (per-user read-your-writes) and
     * anonymously after the documented bound — the replica lag bound (1 s) plus delivery normally, plus
     * L1_CACHE_OUTAGE_MAX_AGE (5 s) with Redis down for the whole run.
     */
    private CrossNode crossNode(Faults faults, boolean redisDown) throws Exception {
        Duration bound = redisDown ? Duration.ofMillis(6200) : Duration.ofMillis(1200);
        Duration length = o.smoke() ? Duration.ofSeconds(4) : Duration.ofSeconds(20);
        String label = redisDown ? "cross-node-redis-down" : "cross-node";
        if (redisDown) {
            faults.services().redis().kill();
        }
        RunResult r;
        try {
            Timeline timeline = new Timeline();
            Plan.set(new Plan(Scenario.CROSS_NODE, o.baseUrl(), o.smoke() ? 5 : 20, length, workload, timeline,
                    o.nodeUrls().get(0), o.nodeUrls().get(1), bound));
            r = runPlanned(Scenario.CROSS_NODE, o.smoke() ? 5 : 20, length, true, label, timeline);
        } finally {
            if (redisDown) {
                faults.services().redis().start();
            }
        }
        log("%s: %d read-backs, stale for the same user %d, stale anonymously after %d ms %d, skipped %d; %s", label,
                r.timeline().crossChecks(), r.timeline().staleSameUser(), bound.toMillis(),
                r.timeline().staleAnonymous(), r.timeline().crossSkippedCount(), r.statuses());
        return new CrossNode(label, r, bound, redisDown);
    }

    /**
     * Steps the rate up by STEP_FACTOR each time from a modest start until a step does not hold (or a cap), after a
     * warm-up run at the start rate (JIT, caches, pools) that is not counted. When even the start does not hold,
     * the rate is halved until a step holds, so every scenario has a figure.
     */
    private List<RunResult> peakSearch(Scenario s) throws Exception {
        List<RunResult> tried = new ArrayList<>();
        double rate = s == Scenario.WRITES || s == Scenario.MIX ? 100 : 200;
        once(s, rate, STEP, false, s.id() + "-warm-up");
        boolean anyHeld = false;
        for (int i = 0; i < 16; i++) {
            RunResult r = once(s, rate, STEP, false, s.id() + "-step-" + Math.round(rate));
            tried.add(r);
            boolean held = r.sustained(P99_BOUND_MS);
            log("  %-13s step %6.0f/s: served %8.1f/s p99 %d ms, %s -> %s", s.id(), rate, r.throughput(),
                    r.percentile(99), r.statuses(), held ? "held" : "did not hold");
            if (held) {
                anyHeld = true;
                rate = Math.round(rate * STEP_FACTOR);
            } else if (!anyHeld && rate > 10) {
                rate = Math.round(rate / 2);
            } else {
                break;
            }
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
        Plan.set(new Plan(scenario, o.baseUrl(), rate, duration, workload, timeline));
        return runPlanned(scenario, rate, duration, report, label, timeline);
    }

    private RunResult runPlanned(Scenario scenario, double rate, Duration duration, boolean report, String label,
            Timeline timeline) throws IOException {
        Path dir = o.out().resolve("gatling").resolve(String.format("%02d-%s", ++run, label));
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of("--simulation", ApiSimulation.class.getName(),
                "--results-folder", dir.toAbsolutePath().toString(), "--run-description", label));
        if (!report) {
            args.add("--no-reports");
        }
        int status = Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
        if (status != 0 && timeline.all().getTotalCount() == 0) {
            throw new IllegalStateException("Gatling run " + label + " failed with status " + status);
        }
        if (timeline.overloaded()) {
            log("  (%s stopped early: more than %d requests unanswered)", label, ApiSimulation.MAX_IN_FLIGHT);
        }
        coolDown();
        Path index = null;
        try (Stream<Path> found = Files.walk(dir, 2)) {
            index = found.filter(p -> p.getFileName().toString().equals("index.html")).findFirst().orElse(null);
        }
        return new RunResult(scenario, label, rate, duration, timeline, index);
    }

    /** Waits until the server answers the ping quickly again (up to a minute), so runs do not overlap. */
    private void coolDown() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI ping = java.net.URI.create(o.baseUrl().replaceAll("/+$", "") + "/api/ping");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int quick = 0;
        while (quick < 3 && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            try {
                int status = http.send(java.net.http.HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(5)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                quick = status == 200 && System.nanoTime() - t0 < 50_000_000L ? quick + 1 : 0;
            } catch (IOException e) {
                quick = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleepQuietly(quick == 0 ? 500 : 100);
        }
        sleepQuietly(o.smoke() ? 200 : 2000);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[load] " + format + "%n", args);
    }

    /**
     * {@code LoadSuite --url U --services-state-dir D --jboss-cli C --controller H:P [--out target/load]
     * [--results benchmarks] [--users 2000] [--smoke] [--pool-min 10 --pool-max 50] [--machine text] [--commit id]
     * [--node-urls A,B] [--probe writes:150:30,… --server-pid P]} (with two node URLs, the cross-node runs too;
     * with {@code --probe}, only those fixed-rate runs, see {@link #probe})
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
                a.getOrDefault("commit", "unknown"),
                a.containsKey("node-urls") ? List.of(a.get("node-urls").split(",")) : List.of());
        if (a.containsKey("probe")) {
            List<ProbeStep> probeSteps = Stream.of(a.get("probe").split(",")).map(ProbeStep::parse).toList();
            new LoadSuite(o).probe(probeSteps, Long.parseLong(require(a, "server-pid")));
        } else {
            new LoadSuite(o).run();
        }
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
