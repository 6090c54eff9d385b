package com.muejam.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProbeTest {

    @Test
    void aStepIsScenarioRateAndSeconds() {
        assertThat(LoadSuite.ProbeStep.parse(" writes:150:30"))
                .isEqualTo(new LoadSuite.ProbeStep(Scenario.WRITES, 150, Duration.ofSeconds(30)));
        assertThat(LoadSuite.ProbeStep.parse("mix-80-20:400.5:10").rate()).isEqualTo(400.5);
    }

    @Test
    void aMalformedStepSaysWhatIsExpected() {
        assertThatThrownBy(() -> LoadSuite.ProbeStep.parse("writes:150"))
                .hasMessageContaining("scenario:rate:seconds");
        assertThatThrownBy(() -> LoadSuite.ProbeStep.parse("edits:150:30")).hasMessageContaining("no scenario edits");
    }

    @Test
    void cpuTimeOfThisProcessGrowsWithWorkAndAGoneProcessCountsZero() {
        long self = ProcessHandle.current().pid();
        Duration before = ProcessCpu.of(List.of(self));
        long x = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        assertThat(x).isPositive();
        // 0.3 s of busy work on this thread: at least 0.1 s more CPU time, read at 10 ms resolution
        assertThat(ProcessCpu.of(List.of(self)).minus(before)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(ProcessCpu.of(List.of(Long.MAX_VALUE))).isEqualTo(Duration.ZERO);
    }
}
