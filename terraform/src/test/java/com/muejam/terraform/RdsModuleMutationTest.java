package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker catches regressions: each case edits a copy of the module's text the way a careless change would
 * and expects a violation naming the broken promise.
 */
class RdsModuleMutationTest {

    /** Replace the first match of {@code regex} in {@code file} and expect a violation containing {@code expected}. */
    record Mutation(String name, String file, String regex, String replacement, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String REPLICA_SOURCE = "(replicate_source_db = aws_db_instance\\.primary\\.identifier\\n)";

    static Stream<Mutation> mutations() {
        return Stream.of(
                new Mutation("single-AZ primary", "main.tf", "multi_az       = true", "multi_az       = false",
                        "multi_az must be true"),
                new Mutation("unencrypted primary", "main.tf", "storage_encrypted     = true",
                        "storage_encrypted     = false", "storage_encrypted must be true"),
                new Mutation("unencrypted replica", "main.tf",
                        "(?s)(resource \"aws_db_instance\" \"replica\".*?)storage_encrypted     = true",
                        "$1storage_encrypted     = false", "aws_db_instance.replica: storage_encrypted must be true"),
                new Mutation("primary without its KMS key", "main.tf", "kms_key_id            = local.kms_key_arn\\n", "",
                        "aws_db_instance.primary: kms_key_id must be the module's KMS key"),
                new Mutation("public primary", "main.tf", "publicly_accessible    = false", "publicly_accessible    = true",
                        "publicly_accessible must be set to false"),
                new Mutation("public replica left to the default", "main.tf",
                        "(?s)(resource \"aws_db_instance\" \"replica\".*?)  publicly_accessible    = false\\n", "$1",
                        "aws_db_instance.replica: publicly_accessible must be set to false"),
                new Mutation("1-day backups", "variables.tf",
                        "(variable \"backup_retention_period\" \\{[^}]*?default     = )7", "$11",
                        "backup_retention_period must be 7 days"),
                new Mutation("deletion protection off", "variables.tf",
                        "(variable \"deletion_protection\" \\{[^}]*?default     = )true", "$1false",
                        "deletion_protection must be on by default"),
                new Mutation("no final snapshot", "variables.tf",
                        "(variable \"skip_final_snapshot\" \\{[^}]*?default     = )false", "$1true",
                        "skip_final_snapshot must be false"),
                new Mutation("three replicas allowed", "variables.tf", "var.replica_count <= 2", "var.replica_count <= 3",
                        "validation must allow exactly the whole numbers 0-2"),
                new Mutation("replicas not counted", "main.tf",
                        "(?s)(resource \"aws_db_instance\" \"replica\" \\{\\n  count = )var.replica_count", "$12",
                        "count must be var.replica_count"),
                new Mutation("password on a replica", "main.tf", REPLICA_SOURCE,
                        "$1  password = var.master_password\n", "a replica must not set password"),
                new Mutation("username on a replica", "main.tf", REPLICA_SOURCE,
                        "$1  username = var.master_username\n", "a replica must not set username"),
                new Mutation("managed password on a replica", "main.tf", REPLICA_SOURCE,
                        "$1  manage_master_user_password = true\n", "a replica must not set manage_master_user_password"),
                new Mutation("db_name on a replica", "main.tf", REPLICA_SOURCE, "$1  db_name = var.db_name\n",
                        "a replica must not set db_name"),
                new Mutation("managed password allowed with replicas", "variables.tf",
                        "!var.manage_master_user_password \\|\\| var.replica_count == 0", "true",
                        "must refuse manage_master_user_password with replicas"),
                new Mutation("password kept in the state", "main.tf", "password_wo                   = ",
                        "password                      = ", "password must not be set: it would be kept in the state"),
                new Mutation("password sent once and never again", "main.tf",
                        "  password_wo_version           = .*\\n", "",
                        "password_wo_version must be var.master_password_version"),
                new Mutation("password in the secret's state", "secret.tf", "secret_string_wo = ", "secret_string = ",
                        "secret_string must not be set: it would be kept in the state"),
                new Mutation("password variable not ephemeral", "variables.tf",
                        "(variable \"master_password\" \\{[^}]*?)  ephemeral   = true\\n", "$1",
                        "var.master_password: must be ephemeral"),
                new Mutation("password with a default", "variables.tf",
                        "(variable \"master_password\" \\{[^}]*?default     = )null", "$1\"changeme123\"",
                        "must not have a default"),
                new Mutation("replica sharing the primary's class", "main.tf", "var.replica_instance_class",
                        "var.instance_class", "instance_class must be the replicas' own"),
                new Mutation("no enhanced monitoring on the primary", "main.tf", "monitoring_interval                   = 60",
                        "monitoring_interval                   = 0", "monitoring_interval must be 60"),
                new Mutation("no Performance Insights on a replica", "main.tf",
                        "(?s)(resource \"aws_db_instance\" \"replica\".*?)performance_insights_enabled          = true",
                        "$1performance_insights_enabled          = false",
                        "aws_db_instance.replica: performance_insights_enabled must be true"),
                new Mutation("upgrade logs not exported", "main.tf", "\\[\"postgresql\", \"upgrade\"\\]", "[\"postgresql\"]",
                        "enabled_cloudwatch_logs_exports"),
                new Mutation("ReplicaLag alarm removed", "alarms.tf",
                        "(?s)resource \"aws_cloudwatch_metric_alarm\" \"replica_lag\" \\{.*?\\n\\}\\n", "",
                        "no ReplicaLag alarm on every replica"),
                new Mutation("FreeableMemory alarm of the primary removed", "alarms.tf",
                        "(?s)resource \"aws_cloudwatch_metric_alarm\" \"primary_freeable_memory\" \\{.*?\\n\\}\\n", "",
                        "no FreeableMemory alarm on the primary"),
                new Mutation("CPU alarm on the first replica only", "alarms.tf",
                        "(?s)(\"replica_cpu\" \\{\\n  count = )var.replica_count", "$11",
                        "no CPUUtilization alarm on every replica"),
                new Mutation("storage alarm watching replica 0 only", "alarms.tf",
                        "(?s)(\"replica_free_storage\" \\{.*?DBInstanceIdentifier = aws_db_instance\\.replica\\[)count\\.index\\]",
                        "$10]", "aws_cloudwatch_metric_alarm.replica_free_storage: must watch"),
                new Mutation("CPU threshold at 95%", "variables.tf",
                        "(variable \"cpu_utilization_threshold\" \\{[^}]*?default     = )80", "$195",
                        "CPUUtilization: threshold must be 80"),
                new Mutation("ReplicaLag threshold at 5 s", "variables.tf",
                        "(variable \"replica_lag_threshold_seconds\" \\{[^}]*?default     = )1", "$15",
                        "ReplicaLag: threshold must be 1"),
                new Mutation("connections alarm at max_connections", "alarms.tf",
                        "threshold           = local.connections_alarm_threshold",
                        "threshold           = local.max_connections",
                        "DatabaseConnections: threshold must be local.connections_alarm_threshold"),
                new Mutation("connections alarm at 95%", "variables.tf",
                        "(variable \"connections_alarm_ratio\" \\{[^}]*?default     = )0.8", "$10.95",
                        "connections_alarm_ratio must default to 0.8"),
                new Mutation("alarm without notification", "alarms.tf",
                        "(?s)(\"replica_lag\" \\{.*?)  alarm_actions      = \\[local.alarm_topic_arn\\]\\n", "$1",
                        "alarm_actions must notify"),
                new Mutation("replica 2 address output removed", "outputs.tf",
                        "(?s)output \"db_replica_2_address\" \\{.*?\\n\\}\\n", "", "output db_replica_2_address is missing"),
                new Mutation("replica 2 output pointing at replica 1", "outputs.tf",
                        "(?s)(output \"db_replica_2_address\" \\{.*?replica\\[)1\\]", "$10]",
                        "must be aws_db_instance.replica[1].address"),
                new Mutation("static parameter applied immediately", "parameter_group.tf",
                        "(?s)(\"shared_preload_libraries\"\\n.*?apply_method = )\"pending-reboot\"", "$1\"immediate\"",
                        "shared_preload_libraries is static: apply_method must be pending-reboot"),
                new Mutation("statement_timeout in the parameter group", "parameter_group.tf",
                        "(  lifecycle \\{\\n    # A new family)",
                        "  parameter {\n    name         = \"statement_timeout\"\n    value        = \"30000\"\n"
                                + "    apply_method = \"immediate\"\n  }\n\n$1",
                        "statement_timeout belongs to the application"),
                new Mutation("slow-query log at 1 s", "parameter_group.tf",
                        "(\"log_min_duration_statement\"\\n    value        = )\"100\"", "$1\"1000\"",
                        "log_min_duration_statement must be 100"),
                new Mutation("pg_stat_statements not preloaded", "parameter_group.tf", "value        = \"pg_stat_statements\"",
                        "value        = \"auto_explain\"", "shared_preload_libraries must preload pg_stat_statements"),
                new Mutation("max_connections hard-coded", "parameter_group.tf", "tostring\\(local.max_connections\\)",
                        "\"100\"", "max_connections must be set from local.max_connections"),
                new Mutation("ingress from the internet", "security_group.tf", "var.allowed_cidr_blocks\\[count.index\\]",
                        "\"0.0.0.0/0\"", "opens the database to the internet"),
                new Mutation("CIDR validation widened to 172.0.0.0/8", "variables.tf", "\"172\\.16\\.0\\.0/12\"",
                        "\"172.0.0.0/8\"", "allowed_cidr_blocks must be validated to lie inside"),
                new Mutation("CIDR validation admitting a public range as well", "variables.tf",
                        "\"192\\.168\\.0\\.0/16\"\\]", "\"192.168.0.0/16\", \"0.0.0.0/1\"]",
                        "allowed_cidr_blocks must be validated to lie inside"),
                new Mutation("CIDR validation reduced to a syntax check", "variables.tf",
                        "(?s)(variable \"allowed_cidr_blocks\" \\{.*?condition = ).*?\\]\\), false\\)\\]\\)",
                        "$1alltrue([for cidr in var.allowed_cidr_blocks : can(cidrhost(cidr, 0))])",
                        "allowed_cidr_blocks must be validated to lie inside"),
                new Mutation("Performance Insights validation without a lower bound", "variables.tf",
                        "var.performance_insights_retention_period >= 31 && ", "",
                        "performance_insights_retention_period must be validated"),
                new Mutation("unencrypted log group", "main.tf",
                        "(?s)(\"replica_upgrade\" \\{.*?)  kms_key_id        = local.kms_key_arn\\n", "$1",
                        "aws_cloudwatch_log_group.replica_upgrade: the log group must be encrypted"),
                new Mutation("unencrypted alarm topic", "alarms.tf",
                        "kms_master_key_id = coalesce\\(var.sns_kms_master_key_id, local.kms_key_arn\\)",
                        "kms_master_key_id = var.sns_kms_master_key_id", "the alarm topic must be encrypted"),
                new Mutation("key policy without CloudWatch Logs", "main.tf",
                        "identifiers = \\[\"logs\\.\\$\\{data.aws_region.current.name\\}.amazonaws.com\"\\]",
                        "identifiers = [\"logs.amazonaws.com\"]", "the key policy must admit logs."),
                new Mutation("key policy without CloudWatch alarms", "main.tf",
                        "\"cloudwatch.amazonaws.com\", ", "", "the key policy must admit cloudwatch.amazonaws.com"),
                new Mutation("bind parameters logged", "parameter_group.tf",
                        "(\"log_parameter_max_length\"\\n    value        = )\"0\"", "$1\"-1\"",
                        "log_parameter_max_length must be 0"),
                new Mutation("ingress on every port", "security_group.tf", "(?s)(from_cidr_blocks.*?)to_port           = var.port",
                        "$1to_port           = 65535", "from_port and to_port must both be var.port"),
                new Mutation("reference to an undeclared variable", "main.tf", "count = var.replica_count",
                        "count = var.replicas", "undeclared var.replicas"),
                new Mutation("reference to an undeclared resource", "main.tf",
                        "aws_iam_role_policy_attachment.enhanced_monitoring,", "aws_iam_role_policy_attachment.monitoring,",
                        "undeclared resource aws_iam_role_policy_attachment.monitoring"),
                new Mutation("undocumented variable", "variables.tf",
                        "  description = \"Tags for every resource.\"\\n", "", "var.tags: needs a description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void reportsTheViolation(Mutation mutation) {
        Map<String, String> sources = new LinkedHashMap<>(TerraformFiles.moduleSources());
        String original = sources.get(mutation.file());
        Matcher matcher = Pattern.compile(mutation.regex()).matcher(original);
        assertThat(matcher.find()).as("the mutation '%s' must still apply to %s", mutation.name(), mutation.file()).isTrue();
        sources.put(mutation.file(), matcher.replaceFirst(mutation.replacement()));

        List<String> violations = new RdsModuleChecker(TerraformConfig.parse(sources)).violations();

        assertThat(violations).as(mutation.name()).anyMatch(v -> v.contains(mutation.expected()));
    }

    @Test
    void reportsEveryReplicaCredentialAtOnce() {
        Map<String, String> sources = new LinkedHashMap<>(TerraformFiles.moduleSources());
        sources.put("main.tf", sources.get("main.tf").replaceFirst(REPLICA_SOURCE,
                "$1  username = \"x\"\n  password = \"y\"\n  manage_master_user_password = true\n"
                        + "  master_user_secret_kms_key_id = local.kms_key_arn\n  db_name = \"z\"\n"));

        List<String> violations = new RdsModuleChecker(TerraformConfig.parse(sources)).credentials();

        assertThat(violations).hasSize(5).allMatch(v -> v.contains("aws_db_instance.replica: a replica must not set"));
    }
}
