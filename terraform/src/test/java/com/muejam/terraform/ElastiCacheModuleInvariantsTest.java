package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule of {@link ElastiCacheModuleChecker} holds for {@code modules/elasticache} as committed. */
class ElastiCacheModuleInvariantsTest {

    private static TerraformConfig module;

    @BeforeAll
    static void parse() {
        module = TerraformConfig.load(TerraformFiles.cacheModule());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return new ElastiCacheModuleChecker(module).rules().entrySet().stream().map(rule -> DynamicTest.dynamicTest(
                rule.getKey(), () -> assertThat(rule.getValue().get()).as(rule.getKey()).isEmpty()));
    }

    /** The rules pass because the module is right, not because the parser saw nothing. */
    @Test
    void theParsedModelHoldsWhatTheRulesLookAt() {
        ElastiCacheModuleChecker checker = new ElastiCacheModuleChecker(module);
        assertThat(checker.group()).map(Block::address).contains("aws_elasticache_replication_group.this");
        assertThat(module.resources("aws_cloudwatch_metric_alarm")).hasSize(5)
                .allMatch(a -> a.attr("count").map(e -> e.text().equals("local.node_count")).orElse(false));
        assertThat(module.blocks("ephemeral")).extracting(Block::address)
                .containsExactly("ephemeral.aws_secretsmanager_random_password.auth_token");
        assertThat(module.outputs()).containsKeys(ElastiCacheModuleChecker.REQUIRED_OUTPUTS.toArray(String[]::new));
        assertThat(module.locals().get("valkey_url").text()).startsWith("\"rediss://");
        assertThat(checker.violations()).isEmpty();
    }
}
