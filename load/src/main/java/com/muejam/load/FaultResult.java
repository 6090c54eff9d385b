package com.muejam.load;

/** A fault run: when the fault struck and was repaired (seconds into the run) and the application's figures around it. */
public record FaultResult(String fault, String description, RunResult run, int injectedAt, int repairedAt,
                          Snapshot before, Snapshot after) {

    /** The worst response time of the answers completed from the fault until 5 s after its repair. */
    public long worstDuringFault() {
        long worst = 0;
        for (int s = injectedAt; s <= Math.min(repairedAt + 5, (int) run.timeline().seconds() - 1); s++) {
            worst = Math.max(worst, run.timeline().second(s).getMaxValue());
        }
        return worst;
    }

    /**
     * Seconds from the fault until throughput is back for good: the end of the last second (from the fault on) whose
     * throughput was under 90% of the rate before the fault, whose p99 exceeded 100 ms, or that lost a request.
     * 0 when no second was hurt; -1 when the run ended hurt.
     */
    public int secondsUntilBack() {
        Timeline t = run.timeline();
        double before = 0;
        int n = 0;
        for (int s = 2; s < injectedAt; s++) {
            before += t.second(s).getTotalCount();
            n++;
        }
        double normal = n == 0 ? run.offeredPerSecond() : before / n;
        // the last second of the run is cut short by the run's end: not counted
        int end = (int) Math.min(t.seconds(), run.duration().toSeconds()) - 1;
        int lastBad = -1;
        for (int s = injectedAt; s < end; s++) {
            var h = t.second(s);
            if (h.getTotalCount() < 0.9 * normal || h.getValueAtPercentile(99) > 100 || t.lostIn(s) > 0) {
                lastBad = s;
            }
        }
        if (lastBad < 0) {
            return 0;
        }
        return lastBad >= end - 1 ? -1 : lastBad + 1 - injectedAt;
    }
}
