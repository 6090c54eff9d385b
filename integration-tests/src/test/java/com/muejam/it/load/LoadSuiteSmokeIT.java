package com.muejam.it.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.ModelType;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.load.FaultResult;
import com.muejam.load.LoadSuite;
import com.muejam.load.RunResult;
import com.muejam.load.Scenario;

/**
 * A short run of the whole load and fault suite ({@code bin/bench.sh} runs the full one) against the test server,
 * so the suite cannot rot: every scenario and fault run produces answers, nothing answers 5xx (bar the documented
 * 503 while the pool is squeezed), nothing is lost, the report and charts are written, and the application's
 * pool figures read true afterwards.
 */
class LoadSuiteSmokeIT extends DeployedEarTest {

    @ArquillianResource
    ManagementClient management;

    @Test
    void everyScenarioAndFaultRunsAndNothingIsLost() throws Exception {
        Path out = Path.of(System.getProperty("muejam.it.state.dir")).resolveSibling("load-smoke");
        LoadSuite.Options options = new LoadSuite.Options(base.toString(),
                Path.of(System.getProperty("muejam.it.state.dir")),
                Path.of(System.getProperty("muejam.wildfly.home"), "bin", "jboss-cli.sh"),
                "127.0.0.1:" + System.getProperty("muejam.it.management.port"),
                out, out, true, 20, 10, 50, "integration test server", "smoke", java.util.List.of());
        LoadSuite.Summary summary = new LoadSuite(options).run();

        for (Scenario s : Scenario.SINGLE_NODE) {
            RunResult r = summary.scenarios().get(s);
            assertThat(r.completed()).as("%s answered", s).isGreaterThan(0);
            assertThat(r.serverErrors()).as("%s 5xx: %s", s, r.statuses()).isZero();
            assertThat(r.lost()).as("%s lost: %s", s, r.statuses()).isZero();
            assertThat(r.report()).as("%s has its HTML report", s).isNotNull();
        }
        assertThat(summary.mixAt70().completed()).isGreaterThan(0);
        assertThat(summary.faults()).hasSize(3);
        for (FaultResult f : summary.faults()) {
            assertThat(f.run().completed()).as(f.fault()).isGreaterThan(0);
            assertThat(f.run().lost()).as("%s lost: %s", f.fault(), f.run().statuses()).isZero();
            long fiveXx = f.run().serverErrors() - (f.fault().equals("pool-squeeze") ? f.run().timeline().count(503, 503) : 0);
            assertThat(fiveXx).as("%s 5xx: %s", f.fault(), f.run().statuses()).isZero();
            assertThat(f.after().get("muejam_pool_available_connections{pool=\"primary\"}"))
                    .as("%s: available primary connections afterwards", f.fault()).isGreaterThanOrEqualTo(0);
        }
        // the squeeze's repair leaves PrimaryDS as configured: the expressions, not the numbers they resolved to
        ModelNode primary = new ModelNode().add("subsystem", "datasources-agroal").add("datasource", "PrimaryDS");
        for (String[] a : new String[][] {{"connection-pool.max-size", "${DB_POOL_MAX_CONNECTIONS:50}"},
                {"connection-pool.min-size", "${DB_POOL_MIN_CONNECTIONS:10}"}}) {
            ModelNode result = management.getControllerClient().execute(Operations.createReadAttributeOperation(primary, a[0]));
            assertThat(Operations.isSuccessfulOutcome(result)).as("%s", result).isTrue();
            ModelNode value = Operations.readResult(result);
            assertThat(value.getType()).as("%s = %s", a[0], value).isEqualTo(ModelType.EXPRESSION);
            assertThat(value.asExpression().getExpressionString()).isEqualTo(a[1]);
        }
        assertThat(Files.readString(out.resolve("RESULTS.md"))).contains("| ceiling |", "| mix-80-20 |", "replica1 SIGKILLed");
        assertThat(out.resolve("results/fault-redis-kill.png")).exists();
    }
}
