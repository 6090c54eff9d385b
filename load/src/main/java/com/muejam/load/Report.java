package com.muejam.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The suite's output: a table on standard output, {@code RESULTS.md} with the figures, the machine, date and
 * commit, and per run a PNG (answers per second, and p50/p99/max latency per second, with the fault marks),
 * drawn with JFreeChart from the recorded timelines.
 */
public final class Report {

    private final LoadSuite.Summary s;

    public Report(LoadSuite.Summary summary) {
        this.s = summary;
    }

    public void write() throws IOException {
        Path dir = s.options().results();
        Path charts = dir.resolve("results");
        Files.createDirectories(charts);
        StringBuilder md = new StringBuilder();
        double ceiling = s.peaks().get(Scenario.CEILING).throughput();
        md.append("# Load and fault suite: results of the last run\n\n");
        md.append(String.format("Machine: %s. Date: %s. Commit: %s. %s run: %d signed-in load users, %d published "
                        + "stories read with Zipf popularity (exponent 1). Produced by `%s`; Gatling's HTML reports are "
                        + "under `%s`.%n%n",
                s.options().machine(), LocalDate.now(ZoneOffset.UTC), s.options().commit(),
                s.options().smoke() ? "Smoke" : "Full", s.users(), s.stories(),
                s.options().smoke() ? "LoadSuiteSmokeIT" : "bin/bench.sh", s.options().out().resolve("gatling")));
        md.append("Throughput is the highest arrival rate (open model, randomised arrivals) that held: p99 within ")
                .append(LoadSuite.P99_BOUND_MS)
                .append(" ms, nothing lost, refused or 5xx, at least 90% of the offered rate served; rates step up by ×1.7 "
                        + "from 200/s (100/s for writes and the mix; halved instead while even that does not hold), 6 s per "
                        + "step after an uncounted warm-up step, with a pause until the server answers "
                        + "quickly again between runs. Latencies and answers are of a 20 s run at 70% of that peak, where "
                        + "a service is meant to run. \"Lost\" is any answer but 2xx and the documented 409/429/503.\n\n");
        md.append("| scenario | what | throughput /s | × ceiling | latencies at /s | p50 ms | p95 ms | p99 ms | max ms | answers by status | lost |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        System.out.printf("%n%-13s %12s %9s %9s %7s %7s %7s %7s  %s%n", "scenario", "throughput/s", "x ceiling", "at /s",
                "p50", "p95", "p99", "max", "statuses");
        for (Map.Entry<Scenario, RunResult> e : s.scenarios().entrySet()) {
            RunResult r = e.getValue();
            double peak = s.peaks().get(e.getKey()).throughput();
            double ratio = ceiling == 0 ? 0 : peak / ceiling;
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.0f | %d | %d | %d | %d | %s | %d |%n",
                    e.getKey().id(), e.getKey().description(), peak, ratio, r.offeredPerSecond(), r.percentile(50),
                    r.percentile(95), r.percentile(99), r.max(), r.statuses(), r.lost()));
            System.out.printf(Locale.ROOT, "%-13s %12.0f %9.2f %9.0f %7d %7d %7d %7d  %s%n", e.getKey().id(), peak,
                    ratio, r.offeredPerSecond(), r.percentile(50), r.percentile(95), r.percentile(99), r.max(),
                    r.statuses());
            chart(r, charts.resolve(r.label() + ".png"), -1, -1);
        }
        RunResult at70 = s.mixAt70();

        md.append("\n## Targets\n\n| target | measured | |\n| --- | --- | --- |\n");
        target(md, "cached feed ≥ 0.8 × ceiling", s.peaks().get(Scenario.CACHED_FEED).throughput() / ceiling, 0.8);
        target(md, "story by id ≥ 0.8 × ceiling", s.peaks().get(Scenario.STORY_BY_ID).throughput() / ceiling, 0.8);
        if (s.pgbench() != null) {
            double writes = s.peaks().get(Scenario.WRITES).throughput();
            target(md, String.format(Locale.ROOT, "API writes ≥ 0.25 × pgbench (%.0f UPDATEs/s, %s)", s.pgbench().tps(),
                    s.pgbench().command()), writes / s.pgbench().tps(), 0.25);
        } else {
            md.append("| API writes ≥ 0.25 × pgbench | pgbench not found, not measured | |\n");
        }
        md.append(String.format(Locale.ROOT, "| p95 < 5 ms at 70%% of the peak mix | %d ms | %s |%n", at70.percentile(95),
                at70.percentile(95) < 5 ? "met" : "missed by " + (at70.percentile(95) - 5) + " ms"));
        md.append(String.format(Locale.ROOT, "| seed: p95 < 100 ms (mix at 70%%) | %d ms | %s |%n%n", at70.percentile(95),
                at70.percentile(95) < 100 ? "met" : "missed"));

        md.append("## Faults on the mix\n\nEach run: the mix for ").append(s.options().smoke() ? "8" : "30")
                .append(" s; the fault strikes and is repaired at the marks in the chart.\n\n");
        md.append("| fault | rate /s | lost | worst latency during the fault ms | seconds until back | answers by status | "
                + "figures before | figures after |\n| --- | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        for (FaultResult f : s.faults()) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %s | %s | %s | %s |%n", f.description(),
                    f.run().offeredPerSecond(), f.run().lost(), f.worstDuringFault(),
                    f.secondsUntilBack() < 0 ? "not within the run" : Integer.toString(f.secondsUntilBack()),
                    f.run().statuses(), f.before().brief(), f.after().brief()));
            chart(f.run(), charts.resolve(f.run().label() + ".png"), f.injectedAt(), f.repairedAt());
        }
        if (!s.crossNode().isEmpty()) {
            md.append("\n## Two nodes behind the balancer\n\nEach cycle edits a story on node A (a user no other cycle "
                    + "holds), reads it back on node B at once as the same user without the edit's token, then anonymously "
                    + "after the bound. Stale: the read showed an older edit than the cycle's own.\n\n"
                    + "| run | read-backs | stale, same user at once | anonymous bound ms | stale anonymously after it | answers by status |\n"
                    + "| --- | ---: | ---: | ---: | ---: | --- |\n");
            for (LoadSuite.CrossNode c : s.crossNode()) {
                Timeline t = c.run().timeline();
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s |%n",
                        c.redisDown() ? "Redis down throughout" : "normal", t.crossChecks(), t.staleSameUser(),
                        c.anonymousBound().toMillis(), t.staleAnonymous(), c.run().statuses()));
                chart(c.run(), charts.resolve(c.label() + ".png"), -1, -1);
            }
        }
        md.append("\n## Peak search steps\n\n| scenario | offered /s | served /s | p99 ms | answers by status | held |\n"
                + "| --- | ---: | ---: | ---: | --- | --- |\n");
        for (Map.Entry<Scenario, List<RunResult>> e : s.steps().entrySet()) {
            for (RunResult r : e.getValue()) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %d | %s | %s |%n", e.getKey().id(),
                        r.offeredPerSecond(), r.throughput(), r.percentile(99), r.statuses(),
                        r.sustained(LoadSuite.P99_BOUND_MS) ? "yes" : "no"));
            }
        }
        md.append("\n## Charts\n\n");
        for (RunResult r : s.scenarios().values()) {
            md.append("![").append(r.label()).append("](results/").append(r.label()).append(".png)\n");
        }
        for (FaultResult f : s.faults()) {
            md.append("![").append(f.run().label()).append("](results/").append(f.run().label()).append(".png)\n");
        }
        Files.writeString(dir.resolve("RESULTS.md"), md.toString());
        System.out.println("\n[load] wrote " + dir.resolve("RESULTS.md") + " and charts in " + charts);
    }

    private static void target(StringBuilder md, String what, double ratio, double goal) {
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", what, ratio,
                ratio >= goal ? "met" : String.format(Locale.ROOT, "missed by %.0f%%", (goal - ratio) / goal * 100)));
    }

    /** Answers per second and latency per second (log scale), with the fault marks when given. */
    static void chart(RunResult r, Path file, int injectedAt, int repairedAt) throws IOException {
        XYSeries served = new XYSeries("answers/s");
        XYSeries lost = new XYSeries("lost/s");
        XYSeries p50 = new XYSeries("p50 ms");
        XYSeries p99 = new XYSeries("p99 ms");
        XYSeries max = new XYSeries("max ms");
        Timeline t = r.timeline();
        for (int sec = 0; sec < t.seconds(); sec++) {
            Histogram h = t.second(sec);
            served.add(sec, h.getTotalCount());
            lost.add(sec, t.lostIn(sec));
            if (h.getTotalCount() > 0) {
                p50.add(sec, Math.max(1, h.getValueAtPercentile(50)));
                p99.add(sec, Math.max(1, h.getValueAtPercentile(99)));
                max.add(sec, Math.max(1, h.getMaxValue()));
            }
        }
        NumberAxis time = new NumberAxis("seconds into the run");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        XYSeriesCollection rate = new XYSeriesCollection(served);
        rate.addSeries(lost);
        XYPlot top = new XYPlot(rate, null, new NumberAxis("per second"), renderer(Color.BLUE, Color.RED));
        XYSeriesCollection lat = new XYSeriesCollection(p50);
        lat.addSeries(p99);
        lat.addSeries(max);
        LogarithmicAxis ms = new LogarithmicAxis("latency ms (log)");
        ms.setAllowNegativesFlag(false);
        XYPlot bottom = new XYPlot(lat, null, ms, renderer(new Color(0, 128, 0), Color.ORANGE, Color.RED));
        bottom.addRangeMarker(new ValueMarker(100, Color.GRAY, new BasicStroke(1f)));
        for (XYPlot p : List.of(top, bottom)) {
            if (injectedAt >= 0) {
                p.addDomainMarker(new ValueMarker(injectedAt, Color.RED, new BasicStroke(2f)));
                p.addDomainMarker(new ValueMarker(repairedAt, new Color(0, 128, 0), new BasicStroke(2f)));
            }
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        plot.add(top, 1);
        plot.add(bottom, 1);
        String title = String.format(Locale.ROOT, "%s at %.0f/s offered%s", r.label(), r.offeredPerSecond(),
                injectedAt >= 0 ? " (red line: fault, green: repaired)" : "");
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }

    private static XYLineAndShapeRenderer renderer(Color... colors) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colors.length; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        return r;
    }
}
