package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The variable validations of {@code modules/elasticache}, run by {@code terraform plan} on a copy of its
 * {@code variables.tf} alone (no provider needed), as {@link TerraformCliTest} does for the RDS module.
 */
class ElastiCacheVariablesCliTest {

    @TempDir
    static Path scratch;

    private static TerraformCli terraform;
    private static Path variablesOnly;

    @BeforeAll
    static void copyVariables() throws IOException {
        terraform = TerraformCli.find(scratch).orElse(null);
        if (terraform != null) {
            variablesOnly = Files.createDirectory(scratch.resolve("cache-variables"));
            Files.copy(TerraformFiles.cacheModule().resolve("variables.tf"), variablesOnly.resolve("variables.tf"));
        }
    }

    @BeforeEach
    void requireTerraform() {
        assumeTrue(terraform != null, "no terraform binary on the PATH (or -Dterraform.binary): CLI checks not applicable");
    }

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

    private static Map<String, String> pairs(String... overrides) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            map.put(overrides[i], overrides[i + 1]);
        }
        return map;
    }

    static Stream<Case> cases() {
        String zones = "availability_zones needs 2-6 entries";
        String otherZone = "must be in another availability zone than the primary";
        String version = "engine_version must look like";
        return Stream.of(
                accepted("defaults"),
                accepted("three zones", "availability_zones", "[\"eu-west-1a\", \"eu-west-1b\", \"eu-west-1c\"]"),
                accepted("second replica back in the primary's zone", "availability_zones",
                        "[\"eu-west-1a\", \"eu-west-1b\", \"eu-west-1a\"]"),
                refused("primary alone", zones, "availability_zones", "[\"eu-west-1a\"]"),
                refused("seven nodes", zones, "availability_zones", "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]"),
                refused("replica in the primary's zone", otherZone, "availability_zones", "[\"eu-west-1a\", \"eu-west-1a\"]"),
                accepted("Redis OSS 7.1", "engine", "\"redis\"", "engine_version", "\"7.1\""),
                refused("Redis OSS 8.0", version, "engine", "\"redis\"", "engine_version", "\"8.0\""),
                refused("Valkey 6.2", version, "engine_version", "\"6.2\""),
                refused("memcached", "engine must be \"valkey\" or \"redis\".", "engine", "\"memcached\""),
                refused("no eviction", "maxmemory_policy must be an evicting policy", "maxmemory_policy", "\"noeviction\""),
                refused("no application security group", "needs the application's security group",
                        "allowed_security_group_ids", "[]"),
                refused("41-character identifier", "identifier must start with a letter", "identifier",
                        "\"" + "m".repeat(41) + "\""),
                refused("identifier ending in a hyphen", "identifier must start with a letter", "identifier", "\"muejam-\""),
                refused("no snapshots", "snapshot_retention_limit must be 1-35 days.", "snapshot_retention_limit", "0"),
                refused("token version 0", "auth_token_version must be a positive whole number.", "auth_token_version", "0"),
                refused("one subnet", "at least two subnets", "subnet_ids", "[\"subnet-a\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void variableValidation(Case validation) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("identifier", "\"muejam-cache\"");
        variables.put("availability_zones", "[\"eu-west-1a\", \"eu-west-1b\"]");
        variables.put("vpc_id", "\"vpc-0123456789abcdef0\"");
        variables.put("subnet_ids", "[\"subnet-a\", \"subnet-b\"]");
        variables.put("allowed_security_group_ids", "[\"sg-0123456789abcdef0\"]");
        variables.put("kms_key_arn", "\"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"");
        variables.put("alarm_sns_topic_arn", "\"arn:aws:sns:eu-west-1:111122223333:muejam-alarms\"");
        variables.putAll(validation.overrides());
        StringBuilder tfvars = new StringBuilder();
        variables.forEach((name, value) -> tfvars.append(name).append(" = ").append(value).append('\n'));
        try {
            Files.writeString(variablesOnly.resolve("case.tfvars"), tfvars);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-lock=false",
                "-refresh=false", "-var-file=case.tfvars"));

        TerraformCli.Result result = terraform.run(variablesOnly, "", arguments.toArray(String[]::new));

        if (validation.expectedError() == null) {
            assertThat(result.exitCode()).as("accepted:%n%s", result.output()).isZero();
            assertThat(result.output()).contains("No changes");
        } else {
            assertThat(result.exitCode()).as("refused:%n%s", result.output()).isNotZero();
            assertThat(result.output().replaceAll("\\s+", " ")).contains("Invalid value for variable")
                    .contains(validation.expectedError());
        }
    }
}
