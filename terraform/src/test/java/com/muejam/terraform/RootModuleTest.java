package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The root module wires {@code modules/rds}; its example and the module README stay in step with it. */
class RootModuleTest {

    private static Map<String, String> rootSources() {
        return TerraformConfig.readSources(TerraformFiles.root());
    }

    private static String example() {
        return TerraformFiles.read(TerraformFiles.root().resolve("terraform.tfvars.example"));
    }

    private static String readme() {
        return TerraformFiles.read(TerraformFiles.module().resolve("README.md"));
    }

    private static String cacheReadme() {
        return TerraformFiles.read(TerraformFiles.cacheModule().resolve("README.md"));
    }

    private static RootModuleChecker checker(Map<String, String> root, String example, String readme) {
        return new RootModuleChecker(TerraformConfig.parse(root), TerraformConfig.load(TerraformFiles.module()),
                TerraformConfig.load(TerraformFiles.cacheModule()),
                HclSyntax.parseAttributes("terraform.tfvars.example", example), readme, cacheReadme());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return checker(rootSources(), example(), readme()).rules().entrySet().stream().map(rule -> DynamicTest
                .dynamicTest(rule.getKey(), () -> assertThat(rule.getValue().get()).as(rule.getKey()).isEmpty()));
    }

    @Test
    void theParsedRootHoldsWhatTheRulesLookAt() {
        TerraformConfig root = TerraformConfig.parse(rootSources());
        assertThat(root.modules()).containsOnlyKeys("rds", "elasticache");
        assertThat(root.modules().get("elasticache").attributes()).hasSizeGreaterThan(8);
        assertThat(root.modules().get("rds").attributes()).hasSizeGreaterThan(10);
        assertThat(root.outputs()).hasSizeGreaterThanOrEqualTo(RdsModuleChecker.REQUIRED_OUTPUTS.size());
        assertThat(HclSyntax.parseAttributes("example", example())).containsKeys("aws_region", "vpc_id", "subnet_ids");
    }

    @Test
    void reportsAnArgumentTheModuleDoesNotDeclare() {
        Map<String, String> root = new LinkedHashMap<>(rootSources());
        root.put("main.tf", root.get("main.tf").replace("  tags = var.tags\n}", "  tags = var.tags\n  multi_az = false\n}"));

        assertThat(checker(root, example(), readme()).moduleCall())
                .anyMatch(v -> v.contains("argument multi_az is not a variable of modules/rds"));
    }

    @Test
    void reportsARequiredModuleVariableLeftOut() {
        Map<String, String> root = new LinkedHashMap<>(rootSources());
        root.put("main.tf", root.get("main.tf").replaceAll("  vpc_id += var.vpc_id\\n", ""));

        assertThat(checker(root, example(), readme()).violations())
                .anyMatch(v -> v.contains("required variable vpc_id of modules/rds is not passed"))
                .anyMatch(v -> v.contains("required variable vpc_id of modules/elasticache is not passed"))
                .anyMatch(v -> v.contains("var.vpc_id: is declared but never used"));
    }

    @Test
    void reportsACacheWithItsOwnKeyOrOpenToOtherGroups() {
        Map<String, String> root = new LinkedHashMap<>(rootSources());
        root.put("main.tf", root.get("main.tf")
                .replace("kms_key_arn         = module.rds.kms_key_arn", "kms_key_arn         = \"alias/aws/elasticache\"")
                .replace("  allowed_security_group_ids = var.allowed_security_group_ids\n\n  kms_key_arn",
                        "  allowed_security_group_ids = [\"sg-other\"]\n\n  kms_key_arn"));

        assertThat(checker(root, example(), readme()).cacheCall())
                .anyMatch(v -> v.contains("kms_key_arn must be module.rds.kms_key_arn"))
                .anyMatch(v -> v.contains("allowed_security_group_ids must be var.allowed_security_group_ids"));
    }

    @Test
    void reportsAnEnvironmentWithoutTheCache() {
        Map<String, String> root = new LinkedHashMap<>(rootSources());
        root.put("outputs.tf", root.get("outputs.tf").replace(
                "merge(module.rds.application_environment, module.elasticache.application_environment)",
                "module.rds.application_environment"));

        assertThat(checker(root, example(), readme()).outputs())
                .anyMatch(v -> v.contains("must merge the application_environment of modules/rds and modules/elasticache"));
    }

    @Test
    void reportsAMissingOrMiswiredOutput() {
        Map<String, String> root = new LinkedHashMap<>(rootSources());
        root.put("outputs.tf", root.get("outputs.tf")
                .replace("module.rds.db_replica_2_address", "module.rds.db_replica_1_address")
                .replaceFirst("(?s)output \"use_read_replica\" \\{.*?\\n\\}\\n", ""));

        assertThat(checker(root, example(), readme()).outputs())
                .anyMatch(v -> v.contains("output.db_replica_2_address: must be module.rds.db_replica_2_address"))
                .anyMatch(v -> v.contains("root output use_read_replica is missing"));
    }

    @Test
    void reportsAPasswordInTheExample() {
        String example = example() + "master_password = \"hunter2hunter2\"\n";

        assertThat(checker(rootSources(), example, readme()).example())
                .anyMatch(v -> v.contains("must not carry master_password"));
    }

    @Test
    void reportsAnEnvironmentVariableMissingFromTheReadme() {
        String readme = readme().lines().filter(l -> !l.contains("`DB_READ_HOST_2`"))
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(checker(rootSources(), example(), readme).readme())
                .containsExactly("modules/rds/README.md has no table row mapping `db_replica_2_address` to `DB_READ_HOST_2`");
    }
}
