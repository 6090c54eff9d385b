package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule of {@link RdsModuleChecker} holds for {@code modules/rds} as committed. */
class RdsModuleInvariantsTest {

    private static TerraformConfig module;

    @BeforeAll
    static void parse() {
        module = TerraformConfig.load(TerraformFiles.module());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return new RdsModuleChecker(module).rules().entrySet().stream().map(rule -> DynamicTest.dynamicTest(
                rule.getKey(), () -> assertThat(rule.getValue().get()).as(rule.getKey()).isEmpty()));
    }

    /** The rules pass because the module is right, not because the parser saw nothing. */
    @Test
    void theParsedModelHoldsWhatTheRulesLookAt() {
        RdsModuleChecker checker = new RdsModuleChecker(module);
        assertThat(checker.primaryInstance()).map(Block::address).contains("aws_db_instance.primary");
        assertThat(checker.replicaInstances()).extracting(Block::address).containsExactly("aws_db_instance.replica");
        assertThat(module.resources("aws_cloudwatch_metric_alarm")).hasSize(9);
        assertThat(module.resources("aws_cloudwatch_metric_alarm", b -> b.has("count"))).hasSize(5);
        assertThat(module.resources("aws_db_parameter_group").get(0).nested("parameter")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(module.outputs()).containsKeys(RdsModuleChecker.REQUIRED_OUTPUTS.toArray(String[]::new));
        assertThat(module.variables()).containsKeys("replica_count", "master_password", "backup_retention_period");
        assertThat(module.resolve(module.resource("aws_db_instance", "primary").orElseThrow()
                .attr("backup_retention_period").orElseThrow())).map(Expr::text).contains("7");
        assertThat(checker.violations()).isEmpty();
    }
}
