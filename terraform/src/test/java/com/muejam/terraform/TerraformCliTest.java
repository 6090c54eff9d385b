package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the {@code terraform} binary can check without any provider: formatting, the variable validations (a
 * configuration made of the module's {@code variables.tf} alone needs no provider, so {@code terraform plan} runs
 * them) and the connection budget ({@code connections.tf} reads only variables, so {@code terraform console}
 * evaluates it). Without a binary these tests are skipped by assumption; the HCL rules still run.
 */
class TerraformCliTest {

    @TempDir
    static Path scratch;

    private static TerraformCli terraform;
    private static Path variablesOnly;

    private static String notApplicable;

    @BeforeAll
    static void findTerraform() throws IOException {
        terraform = TerraformCli.find(scratch).orElse(null);
        if (terraform == null) {
            notApplicable = "no terraform binary on the PATH (or -Dterraform.binary): CLI checks not applicable";
            return;
        }
        int[] version = terraform.version(scratch);
        if (version[0] == 1 && version[1] < 9) {
            notApplicable = "terraform " + version[0] + "." + version[1] + " predates the module's required 1.9";
            return;
        }
        variablesOnly = Files.createDirectory(scratch.resolve("variables-only"));
        for (String file : List.of("variables.tf", "connections.tf")) {
            Files.copy(TerraformFiles.module().resolve(file), variablesOnly.resolve(file));
        }
    }

    /** Per test rather than per class, so that every check shows as skipped, with the reason, in the report. */
    @BeforeEach
    void requireTerraform() {
        assumeTrue(notApplicable == null, () -> notApplicable);
    }

    @Test
    void everyFileIsFormatted() {
        TerraformCli.Result result = terraform.run(TerraformFiles.root(), "", "fmt", "-check", "-recursive", "-diff",
                "-no-color");

        assertThat(result.exitCode()).as("terraform fmt -check -recursive -diff:%n%s", result.output()).isZero();
    }

    @Test
    void theExampleVariablesAreFormatted() {
        String example = TerraformFiles.read(TerraformFiles.root().resolve("terraform.tfvars.example"));

        TerraformCli.Result result = terraform.run(scratch, example, "fmt", "-check", "-diff", "-no-color", "-");

        assertThat(result.exitCode()).as("terraform fmt -check of terraform.tfvars.example:%n%s", result.output()).isZero();
    }

    @Test
    void theFormatCheckCanFail() {
        TerraformCli.Result result = terraform.run(scratch, "resource \"a\" \"b\" {\nx=1\n}\n", "fmt", "-check", "-");

        assertThat(result.exitCode()).isNotZero();
    }

    /** A set of variable values and the validation error expected from it (null: accepted). */
    record Case(String name, Map<String, String> overrides, String expectedError) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case accepted(String name, String... overrides) {
        return new Case(name, pairs(overrides), null);
    }

    private static Case refused(String name, String expectedError, String... overrides) {
        return new Case(name, pairs(overrides), expectedError);
    }

    /** name, value, name, value...; a null value unsets the variable. */
    private static Map<String, String> pairs(String... overrides) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            map.put(overrides[i], overrides[i + 1]);
        }
        return map;
    }

    static Stream<Case> cases() {
        String replicas = "replica_count must be 0, 1 or 2.";
        String password = "Set master_password";
        String cidrs = "allowed_cidr_blocks must be IPv4 CIDR blocks inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16";
        String insights = "performance_insights_retention_period must be 7, 731 or a multiple of 31 between 31 and 713";
        return Stream.of(
                accepted("defaults"),
                accepted("no replica", "replica_count", "0"),
                accepted("two replicas", "replica_count", "2"),
                refused("three replicas", replicas, "replica_count", "3"),
                refused("negative replicas", replicas, "replica_count", "-1"),
                refused("half a replica", replicas, "replica_count", "1.5"),
                accepted("managed password without replicas", "manage_master_user_password", "true",
                        "replica_count", "0", "master_password", null),
                refused("managed password with a replica", "cannot be combined with read replicas",
                        "manage_master_user_password", "true", "replica_count", "1", "master_password", null),
                refused("password mode without a password", password, "master_password", null),
                refused("password too short", password, "master_password", "short"),
                refused("password with @", password, "master_password", "abc@defghij"),
                refused("password version 0", "master_password_version must be a positive whole number.",
                        "master_password_version", "0"),
                accepted("password version 2", "master_password_version", "2"),
                refused("3-day backups", "backup_retention_period must be 7-35 days.", "backup_retention_period", "3"),
                accepted("35-day backups", "backup_retention_period", "35"),
                refused("3-day secret recovery window", "secret_recovery_window_in_days must be 0 or 7-30",
                        "secret_recovery_window_in_days", "3"),
                refused("ingress from anywhere", cidrs, "allowed_cidr_blocks", "[\"0.0.0.0/0\"]"),
                refused("ingress from the lower half of the internet", cidrs, "allowed_cidr_blocks", "[\"0.0.0.0/1\"]"),
                refused("ingress from the upper half of the internet", cidrs, "allowed_cidr_blocks",
                        "[\"128.0.0.0/1\"]"),
                refused("ingress from just above 172.16.0.0/12", cidrs, "allowed_cidr_blocks", "[\"172.32.0.0/16\"]"),
                refused("ingress from a /8 around 172.16.0.0/12", cidrs, "allowed_cidr_blocks", "[\"172.16.0.0/8\"]"),
                refused("one public block among private ones", cidrs, "allowed_cidr_blocks",
                        "[\"10.0.0.0/16\", \"8.8.8.0/24\"]"),
                refused("IPv6 block", cidrs, "allowed_cidr_blocks", "[\"fd00::/8\"]"),
                refused("not a CIDR block", cidrs, "allowed_cidr_blocks", "[\"bastion\"]"),
                accepted("ingress from a private range", "allowed_cidr_blocks", "[\"10.20.0.0/16\"]"),
                accepted("ingress from each private range, edges included", "allowed_cidr_blocks",
                        "[\"10.0.0.0/8\", \"172.16.0.0/12\", \"172.31.255.0/24\", \"192.168.0.0/16\", \"192.168.7.9/32\"]"),
                refused("no ingress source", "Admit at least one source", "allowed_security_group_ids", "[]"),
                refused("one subnet", "at least two subnets", "subnet_ids", "[\"subnet-a\"]"),
                refused("no storage autoscaling", "storage autoscaling", "max_allocated_storage", "100"),
                refused("own key without its ARN", "Pass kms_key_arn", "create_kms_key", "false"),
                accepted("own key", "create_kms_key", "false", "kms_key_arn",
                        "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                accepted("pinned minor version", "engine_version", "15.12"),
                refused("engine version by name", "engine_version must look like", "engine_version", "fifteen"),
                refused("upper-case identifier", "identifier must start with a letter", "identifier", "MueJam"),
                refused("no Performance Insights retention", insights, "performance_insights_retention_period", "0"),
                refused("negative Performance Insights retention", insights, "performance_insights_retention_period",
                        "-31"),
                refused("30-day Performance Insights", insights, "performance_insights_retention_period", "30"),
                refused("732-day Performance Insights", insights, "performance_insights_retention_period", "732"),
                refused("744-day Performance Insights (24 x 31)", insights, "performance_insights_retention_period",
                        "744"),
                refused("fractional Performance Insights", insights, "performance_insights_retention_period", "62.5"),
                accepted("7-day Performance Insights", "performance_insights_retention_period", "7"),
                accepted("1-month Performance Insights", "performance_insights_retention_period", "31"),
                accepted("2-month Performance Insights", "performance_insights_retention_period", "62"),
                accepted("23-month Performance Insights", "performance_insights_retention_period", "713"),
                accepted("2-year Performance Insights", "performance_insights_retention_period", "731"),
                refused("alarm at 100% of connections", "connections_alarm_ratio must be between 0 and 1",
                        "connections_alarm_ratio", "1"));
    }

    private static Map<String, String> requiredVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("identifier", "muejam-test");
        variables.put("vpc_id", "vpc-0123456789abcdef0");
        variables.put("subnet_ids", "[\"subnet-a\", \"subnet-b\"]");
        variables.put("allowed_security_group_ids", "[\"sg-0123456789abcdef0\"]");
        variables.put("master_password", "correct-horse-battery");
        return variables;
    }

    private static String[] withVariables(Map<String, String> variables, String... command) {
        List<String> arguments = new ArrayList<>(Arrays.asList(command));
        variables.forEach((name, value) -> {
            arguments.add("-var");
            arguments.add(name + "=" + value);
        });
        return arguments.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void variableValidation(Case validation) {
        Map<String, String> variables = requiredVariables();
        validation.overrides().forEach((name, value) -> {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.put(name, value);
            }
        });

        TerraformCli.Result result = terraform.run(variablesOnly, "",
                withVariables(variables, "plan", "-input=false", "-no-color", "-lock=false", "-refresh=false"));

        if (validation.expectedError() == null) {
            assertThat(result.exitCode()).as("accepted:%n%s", result.output()).isZero();
            assertThat(result.output()).contains("No changes");
        } else {
            assertThat(result.exitCode()).as("refused:%n%s", result.output()).isNotZero();
            assertThat(result.output().replaceAll("\\s+", " ")).contains("Invalid value for variable")
                    .contains(validation.expectedError());
        }
    }

    @Test
    void connectionBudgetFitsFiftyConnectionPoolsPerNode() {
        // max_connections, then the DatabaseConnections alarm threshold
        assertThat(console(Map.of())).isEqualTo("430 344");
        assertThat(console(Map.of("app_node_count", "6"))).isEqualTo("630 504");
        assertThat(console(Map.of("app_node_count", "2", "app_pool_max_size", "20", "reserved_connections", "20")))
                .isEqualTo("100 80");
    }

    private String console(Map<String, String> overrides) {
        Map<String, String> variables = requiredVariables();
        variables.putAll(overrides);
        // One expression: a console reading a pipe prints only the last result.
        TerraformCli.Result result = terraform.run(variablesOnly,
                "format(\"%d %d\", local.max_connections, local.connections_alarm_threshold)\n",
                withVariables(variables, "console"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().strip().replace("\"", "");
    }
}
