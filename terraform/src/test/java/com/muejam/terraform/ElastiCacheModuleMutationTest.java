package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache checker catches regressions: each case edits a copy of {@code modules/elasticache} the way a careless
 * change would and expects a violation naming the broken promise.
 */
class ElastiCacheModuleMutationTest {

    /** Replace the first match of {@code regex} in {@code file} and expect a violation containing {@code expected}. */
    record Mutation(String name, String file, String regex, String replacement, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Mutation> mutations() {
        return Stream.of(
                new Mutation("transit encryption off", "main.tf", "transit_encryption_enabled = true",
                        "transit_encryption_enabled = false", "transit_encryption_enabled must be true"),
                new Mutation("plain-text clients tolerated", "main.tf", "transit_encryption_mode    = \"required\"",
                        "transit_encryption_mode    = \"preferred\"", "transit_encryption_mode must be \"required\""),
                new Mutation("automatic failover off", "main.tf", "automatic_failover_enabled  = true",
                        "automatic_failover_enabled  = false", "automatic_failover_enabled must be true"),
                new Mutation("Multi-AZ off", "main.tf", "multi_az_enabled            = true",
                        "multi_az_enabled            = false", "multi_az_enabled must be true"),
                new Mutation("at-rest encryption off", "main.tf", "at_rest_encryption_enabled = true",
                        "at_rest_encryption_enabled = false", "at_rest_encryption_enabled must be true"),
                new Mutation("AWS-managed key at rest", "main.tf", "  kms_key_id                 = var.kms_key_arn\n", "",
                        "kms_key_id must be var.kms_key_arn"),
                new Mutation("single node", "main.tf", "num_cache_clusters          = local.node_count",
                        "num_cache_clusters          = 1", "num_cache_clusters must be local.node_count"),
                new Mutation("zones left to chance", "main.tf",
                        "  preferred_cache_cluster_azs = var.availability_zones\n", "",
                        "preferred_cache_cluster_azs must be var.availability_zones"),
                new Mutation("replica allowed in the primary's zone", "variables.tf",
                        "try\\(var.availability_zones\\[0\\] != var.availability_zones\\[1\\], false\\)", "true",
                        "put the first replica in another zone"),
                new Mutation("one zone entry allowed", "variables.tf", "length\\(var.availability_zones\\) >= 2",
                        "length(var.availability_zones) >= 1", "at least two entries"),
                new Mutation("cluster mode on", "main.tf", "(  multi_az_enabled            = true\\n)",
                        "$1  num_node_groups = 2\n", "cluster mode stays disabled"),
                new Mutation("memcached-style stand-alone node", "main.tf", "\\z",
                        "\nresource \"aws_elasticache_cluster\" \"extra\" {\n  cluster_id = \"x\"\n}\n",
                        "no stand-alone aws_elasticache_cluster"),
                new Mutation("auth token as a literal", "main.tf",
                        "auth_token                 = data.aws_secretsmanager_secret_version.auth_token.secret_string",
                        "auth_token                 = \"not-a-secret-at-all\"", "auth_token must come from the Secrets Manager"),
                new Mutation("token switched without overlap", "main.tf", "auth_token_update_strategy = \"ROTATE\"",
                        "auth_token_update_strategy = \"SET\"", "auth_token_update_strategy must be ROTATE"),
                new Mutation("token in the secret version's state", "secret.tf", "secret_string_wo         = ",
                        "secret_string            = ", "secret_string must not be set"),
                new Mutation("token never regenerated", "secret.tf", "  secret_string_wo_version = var.auth_token_version\n",
                        "", "secret_string_wo_version must be var.auth_token_version"),
                new Mutation("token with punctuation", "secret.tf", "exclude_punctuation = true",
                        "exclude_punctuation = false", "exclude_punctuation must be true"),
                new Mutation("short token", "secret.tf", "password_length     = 64", "password_length     = 12",
                        "password_length must be 32-128"),
                new Mutation("unencrypted secret", "secret.tf", "  kms_key_id              = var.kms_key_arn\n", "",
                        "the auth token secret must be encrypted"),
                new Mutation("unencrypted slow log", "main.tf", "  kms_key_id        = var.kms_key_arn\n", "",
                        "the log group must be encrypted"),
                new Mutation("ingress from a CIDR block", "security_group.tf",
                        "referenced_security_group_id = var.allowed_security_group_ids\\[count.index\\]",
                        "cidr_ipv4 = \"10.0.0.0/8\"", "the only source may be var.allowed_security_group_ids"),
                new Mutation("ingress on every port", "security_group.tf", "to_port                      = var.port",
                        "to_port                      = 65535", "from_port and to_port must both be var.port"),
                new Mutation("egress rule added", "security_group.tf", "\\z",
                        "\nresource \"aws_vpc_security_group_egress_rule\" \"all\" {\n  security_group_id = aws_security_group.this.id\n"
                                + "  ip_protocol = \"-1\"\n  cidr_ipv4 = \"0.0.0.0/0\"\n}\n",
                        "no egress or legacy"),
                new Mutation("port moved off 6379", "variables.tf", "(variable \"port\" \\{[^}]*?default     = )6379",
                        "$16380", "var.port must default to 6379"),
                new Mutation("no eviction", "variables.tf",
                        "(variable \"maxmemory_policy\" \\{[^}]*?default     = )\"allkeys-lru\"", "$1\"noeviction\"",
                        "maxmemory-policy must default to an LRU/LFU eviction policy"),
                new Mutation("family hard-coded", "parameter_group.tf",
                        "family      = \"\\$\\{var.engine\\}\\$\\{local.engine_major\\}\"", "family      = \"redis7\"",
                        "family must be derived from var.engine"),
                new Mutation("evictions alarm removed", "alarms.tf",
                        "(?s)resource \"aws_cloudwatch_metric_alarm\" \"evictions\" \\{.*?\\n\\}\\n", "",
                        "no Evictions alarm on every node"),
                new Mutation("replication lag alarm removed", "alarms.tf",
                        "(?s)resource \"aws_cloudwatch_metric_alarm\" \"replication_lag\" \\{.*?\\n\\}\\n", "",
                        "no ReplicationLag alarm on every node"),
                new Mutation("CPU alarm on the first node only", "alarms.tf",
                        "(?s)(\"cpu\" \\{\\n  count = )local.node_count", "$11", "count must be local.node_count"),
                new Mutation("memory alarm at 95%", "variables.tf",
                        "(variable \"memory_usage_threshold\" \\{[^}]*?default     = )80", "$195",
                        "DatabaseMemoryUsagePercentage: threshold must default to 80"),
                new Mutation("connections alarm without notification", "alarms.tf",
                        "(?s)(\"connections\" \\{.*?)  alarm_actions       = \\[var.alarm_sns_topic_arn\\]\\n", "$1",
                        "alarm_actions and ok_actions must notify"),
                new Mutation("plain-text URL", "outputs.tf", "\"rediss://", "\"redis://",
                        "local.valkey_url must be rediss://"),
                new Mutation("URL to the reader endpoint", "outputs.tf",
                        "(valkey_url = \"rediss://\\$\\{aws_elasticache_replication_group.this.)primary_endpoint_address",
                        "$1reader_endpoint_address", "local.valkey_url must be rediss:// (TLS) to the primary endpoint"),
                new Mutation("VALKEY_URL missing from the environment", "outputs.tf",
                        "\\{ VALKEY_URL = local.valkey_url \\}", "{}", "must map VALKEY_URL to local.valkey_url"),
                new Mutation("reference to an undeclared ephemeral resource", "secret.tf",
                        "ephemeral.aws_secretsmanager_random_password.auth_token.random_password",
                        "ephemeral.aws_secretsmanager_random_password.token.random_password",
                        "undeclared ephemeral.aws_secretsmanager_random_password.token"),
                new Mutation("undocumented variable", "variables.tf", "  description = \"Tags for every resource.\"\\n", "",
                        "var.tags: needs a description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void reportsTheViolation(Mutation mutation) {
        Map<String, String> sources = new LinkedHashMap<>(TerraformFiles.cacheModuleSources());
        String original = sources.get(mutation.file());
        Matcher matcher = Pattern.compile(mutation.regex()).matcher(original);
        assertThat(matcher.find()).as("the mutation '%s' must still apply to %s", mutation.name(), mutation.file()).isTrue();
        sources.put(mutation.file(), matcher.replaceFirst(mutation.replacement()));

        List<String> violations = new ElastiCacheModuleChecker(TerraformConfig.parse(sources)).violations();

        assertThat(violations).as(mutation.name()).anyMatch(v -> v.contains(mutation.expected()));
    }
}
