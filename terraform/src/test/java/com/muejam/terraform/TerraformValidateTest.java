package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code terraform init} + {@code terraform validate} against the real AWS provider schema, offline, from a
 * provider mirror ({@code -Dterraform.pluginDir}, otherwise {@code /opt/tf-plugins} or {@code ~/.terraform.d/plugins}): unknown or misspelt arguments,
 * wrong types, ephemeral values outside write-only arguments. Then {@code terraform plan} of the root module with
 * bad tfvars, which reports the modules' variable validations through the root (the plan then stops at the AWS API,
 * which is not reachable; the validation errors come first). Each check runs on a copy of the configuration
 * initialised with {@code -lockfile=readonly}, so the committed {@code .terraform.lock.hcl} must match the mirror.
 * Without a binary or a mirror every test reports "terraform validate skipped: no provider mirror".
 */
class TerraformValidateTest {

    private static final String VALID = "Success! The configuration is valid.";

    @TempDir
    static Path scratch;

    private static TerraformCli terraform;
    private static Path pluginDir;
    private static Path initialised;
    private static Path planned;
    private static String notApplicable;

    @BeforeAll
    static void initialise() {
        terraform = TerraformCli.find(scratch).orElse(null);
        pluginDir = mirror().orElse(null);
        if (terraform == null) {
            notApplicable = "terraform validate skipped: no terraform binary on the PATH (or -Dterraform.binary)";
        } else if (pluginDir == null) {
            notApplicable = "terraform validate skipped: no provider mirror (looked in " + mirrorCandidates()
                    + " for registry.terraform.io/hashicorp/aws/*/" + platform() + ")";
        }
        if (notApplicable != null) {
            System.out.println(notApplicable);
            return;
        }
        System.out.println("terraform validate with the provider mirror " + pluginDir);
        initialised = initialisedCopy("root");
        planned = initialisedCopy("plan");
    }

    @BeforeEach
    void requireMirror() {
        assumeTrue(notApplicable == null, () -> notApplicable);
    }

    @Test
    void theConfigurationIsValidAgainstTheProviderSchema() {
        TerraformCli.Result result = terraform.run(initialised, "", "validate", "-no-color");

        assertThat(result.exitCode()).as("terraform validate:%n%s", result.output()).isZero();
        assertThat(result.output()).contains(VALID).doesNotContain("Warning");
    }

    @Test
    void theLockFilePinsTheMirrorsProvider() throws IOException {
        String lock = Files.readString(initialised.resolve(".terraform.lock.hcl"));
        String committed = Files.readString(TerraformFiles.root().resolve(".terraform.lock.hcl"));

        assertThat(lock).isEqualTo(committed).contains("provider \"registry.terraform.io/hashicorp/aws\"")
                .contains("version     = \"5.100.0\"");
    }

    /** An edit {@code terraform validate} must refuse, and the error it must give. */
    record Breakage(String name, String file, String find, String replace, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Breakage> breakages() {
        return Stream.of(
                new Breakage("misspelt argument", "modules/rds/main.tf", "  storage_encrypted     = true\n",
                        "  storage_encryption    = true\n", "Unsupported argument"),
                new Breakage("ephemeral password in a stored argument", "modules/rds/main.tf",
                        "password_wo                   = ", "password                      = ",
                        "Invalid use of ephemeral value"),
                new Breakage("ephemeral password in the stored secret string", "modules/rds/secret.tf",
                        "secret_string_wo = ", "secret_string = ", "Invalid use of ephemeral value"),
                new Breakage("ephemeral token straight into auth_token (not write-only in this provider)",
                        "modules/elasticache/main.tf",
                        "auth_token                 = data.aws_secretsmanager_secret_version.auth_token.secret_string",
                        "auth_token                 = ephemeral.aws_secretsmanager_random_password.auth_token.random_password",
                        "Invalid use of ephemeral value"),
                new Breakage("misspelt cache argument", "modules/elasticache/main.tf",
                        "transit_encryption_enabled = true", "transit_encryption         = true", "Unsupported argument"),
                new Breakage("string where a number belongs", "modules/rds/main.tf", "monitoring_interval                   = 60",
                        "monitoring_interval                   = \"every minute\"", "Incorrect attribute value type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void validateRefusesABrokenCopy(Breakage breakage) throws IOException {
        Path copy = initialisedCopy("broken-" + Math.abs(breakage.name().hashCode()));
        Path file = copy.resolve(breakage.file());
        String text = Files.readString(file);
        assertThat(text).as("the breakage '%s' must still apply", breakage.name()).contains(breakage.find());
        Files.writeString(file, text.replace(breakage.find(), breakage.replace()));

        TerraformCli.Result result = terraform.run(copy, "", "validate", "-no-color");

        assertThat(result.exitCode()).as("terraform validate of '%s':%n%s", breakage.name(), result.output()).isNotZero();
        assertThat(result.output()).contains(breakage.expected());
    }

    /** Root variables that make a plannable configuration, plus one override. */
    record Tfvars(String name, String line, String expectedError) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Tfvars> tfvars() {
        String insights = "performance_insights_retention_period must be 7, 731 or a multiple of 31";
        String cidrs = "allowed_cidr_blocks must be IPv4 CIDR blocks inside 10.0.0.0/8, 172.16.0.0/12";
        return Stream.of(
                new Tfvars("Performance Insights 0 days", "performance_insights_retention_period = 0", insights),
                new Tfvars("Performance Insights -31 days", "performance_insights_retention_period = -31", insights),
                new Tfvars("Performance Insights 30 days", "performance_insights_retention_period = 30", insights),
                new Tfvars("Performance Insights 732 days", "performance_insights_retention_period = 732", insights),
                new Tfvars("ingress from 0.0.0.0/1", "allowed_cidr_blocks = [\"0.0.0.0/1\"]", cidrs),
                new Tfvars("ingress from 128.0.0.0/1", "allowed_cidr_blocks = [\"128.0.0.0/1\"]", cidrs),
                new Tfvars("ingress from 172.32.0.0/16", "allowed_cidr_blocks = [\"172.32.0.0/16\"]", cidrs),
                new Tfvars("cache replica in the primary's zone",
                        "cache_availability_zones = [\"eu-west-1a\", \"eu-west-1a\"]",
                        "The first replica (second entry of availability_zones) must be in another availability zone"),
                new Tfvars("cache without a replica", "cache_availability_zones = [\"eu-west-1a\"]",
                        "availability_zones needs 2-6 entries"),
                new Tfvars("cache on Redis OSS 8", "cache_engine = \"redis\"\ncache_engine_version = \"8.0\"",
                        "engine_version must look like"),
                new Tfvars("Performance Insights 731 days, ingress from 172.31.0.0/16",
                        "performance_insights_retention_period = 731\nallowed_cidr_blocks = [\"172.31.0.0/16\"]", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tfvars")
    void planOfTheRootAppliesTheModulesValidations(Tfvars tfvars) throws IOException {
        Files.writeString(planned.resolve("case.tfvars"), """
                aws_region                 = "eu-west-1"
                vpc_id                     = "vpc-0123456789abcdef0"
                subnet_ids                 = ["subnet-a", "subnet-b"]
                allowed_security_group_ids = ["sg-0123456789abcdef0"]
                """ + (tfvars.line().contains("cache_availability_zones") ? ""
                : "cache_availability_zones = [\"eu-west-1a\", \"eu-west-1b\"]\n") + tfvars.line() + "\n");

        TerraformCli.Result result = plan(planned, "case.tfvars");

        assertThat(result.exitCode()).as("plan of %s:%n%s", tfvars.name(), result.output()).isNotZero();
        String output = result.output().replaceAll("\\s+", " ");
        if (tfvars.expectedError() == null) {
            assertThat(output).as("plan of %s", tfvars.name()).doesNotContain("Invalid value for variable")
                    .contains("Plan:");
        } else {
            assertThat(output).as("plan of %s", tfvars.name()).contains("Invalid value for variable")
                    .contains(tfvars.expectedError());
        }
    }

    /**
     * Plans with stand-in credentials and no retries: the AWS API cannot be reached, so every plan ends with the
     * data sources' errors, after the variable validations and the resources that need no API call.
     */
    private static TerraformCli.Result plan(Path directory, String varFile) throws IOException {
        Files.writeString(directory.resolve("offline_override.tf"), """
                provider "aws" {
                  access_key                  = "AKIAIOSFODNN7EXAMPLE"
                  secret_key                  = "not-a-real-secret-key"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  skip_region_validation      = true
                  max_retries                 = 1
                }
                """);
        return terraform.run(directory, "", "plan", "-no-color", "-input=false", "-lock=false", "-refresh=false",
                "-var-file=" + varFile, "-var", "master_password=correct-horse-battery");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<Path> mirrorCandidates() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("terraform.pluginDir", "");
        if (!configured.isBlank()) {
            return List.of(Path.of(configured)); // only the one asked for
        }
        candidates.add(Path.of("/opt/tf-plugins"));
        candidates.add(Path.of(System.getProperty("user.home"), ".terraform.d", "plugins"));
        return candidates;
    }

    /** The first candidate holding an AWS provider package for this platform. */
    private static Optional<Path> mirror() {
        return mirrorCandidates().stream().filter(dir -> {
            Path versions = dir.resolve("registry.terraform.io/hashicorp/aws");
            if (!Files.isDirectory(versions)) {
                return false;
            }
            try (Stream<Path> list = Files.list(versions)) {
                return list.map(v -> v.resolve(platform())).anyMatch(p -> {
                    try (Stream<Path> files = Files.list(p)) {
                        return files.anyMatch(f -> f.getFileName().toString().startsWith("terraform-provider-aws"));
                    } catch (IOException e) {
                        return false;
                    }
                });
            } catch (IOException e) {
                return false;
            }
        }).findFirst();
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return (os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux") + "_"
                + (arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64");
    }

    /** A copy of the configuration (no .terraform, build files or local state), initialised from the mirror. */
    private static Path initialisedCopy(String name) {
        Path root = TerraformFiles.root();
        Path copy = scratch.resolve(name);
        Set<String> skipped = Set.of(".terraform", "target", "src", "pom.xml", "terraform.tfvars");
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && skipped.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(copy.resolve(root.relativize(dir)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String fileName = file.getFileName().toString();
                    if (!skipped.contains(fileName) && !fileName.endsWith(".tfstate") && !fileName.endsWith(".tfplan")) {
                        Files.copy(file, copy.resolve(root.relativize(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TerraformCli.Result init = terraform.run(copy, "", "init", "-plugin-dir=" + pluginDir, "-backend=false",
                "-input=false", "-no-color", "-lockfile=readonly");
        assertThat(init.exitCode()).as("terraform init -plugin-dir=%s -lockfile=readonly:%n%s", pluginDir, init.output())
                .isZero();
        return copy;
    }
}
