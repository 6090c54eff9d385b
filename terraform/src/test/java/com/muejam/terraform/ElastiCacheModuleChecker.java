package com.muejam.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The promises of {@code terraform/modules/elasticache}, as rules over its parsed configuration; like
 * {@link RdsModuleChecker}, each rule returns its violations ({@code file:line address: what is wrong}).
 *
 * <p>Conventions the rules rely on: one {@code aws_elasticache_replication_group} (cluster mode disabled, one node per
 * entry of {@code var.availability_zones}); alarms counted by {@code local.node_count} with the dimension
 * {@code CacheClusterId = local.node_ids[count.index]}.
 */
public final class ElastiCacheModuleChecker {

    /** Outputs the root module and the application's environment are built from. */
    public static final List<String> REQUIRED_OUTPUTS = List.of("valkey_url", "primary_endpoint_address",
            "reader_endpoint_address", "port", "auth_token_secret_arn", "security_group_id", "application_environment");

    /** Metrics every node must alarm on, with the default threshold each must have. */
    static final Map<String, BigDecimal> ALARM_METRICS = Map.of("EngineCPUUtilization", new BigDecimal(80),
            "DatabaseMemoryUsagePercentage", new BigDecimal(80), "Evictions", new BigDecimal(1000), "ReplicationLag",
            BigDecimal.ONE, "CurrConnections", new BigDecimal(1000));

    private final TerraformConfig config;

    public ElastiCacheModuleChecker(TerraformConfig config) {
        this.config = config;
    }

    public Map<String, Supplier<List<String>>> rules() {
        Map<String, Supplier<List<String>>> rules = new LinkedHashMap<>();
        rules.put("a Valkey replication group with a replica in another zone, automatic failover, Multi-AZ",
                this::replicationGroup);
        rules.put("encrypted at rest with the KMS key and in transit (TLS required)", this::encryption);
        rules.put("auth token generated into Secrets Manager through a write-only argument", this::authToken);
        rules.put("private subnet group, ingress only from the application's security groups on the port", this::network);
        rules.put("parameter group of the engine's family with an evicting maxmemory-policy", this::parameters);
        rules.put("CPU, memory, evictions, replication lag and connection alarms on every node", this::alarms);
        rules.put("outputs for VALKEY_URL (rediss://) and the auth token secret", this::outputs);
        rules.put("every reference resolves to a declaration", () -> ConfigRules.unresolvedReferences(config));
        rules.put("variables and outputs are documented and used", () -> ConfigRules.documentation(config));
        return rules;
    }

    public List<String> violations() {
        List<String> all = new ArrayList<>();
        rules().values().forEach(rule -> all.addAll(rule.get()));
        return all;
    }

    Optional<Block> group() {
        List<Block> groups = config.resources("aws_elasticache_replication_group");
        return groups.size() == 1 ? Optional.of(groups.get(0)) : Optional.empty();
    }

    List<String> replicationGroup() {
        List<String> v = new ArrayList<>();
        List<Block> groups = config.resources("aws_elasticache_replication_group");
        if (groups.size() != 1) {
            return List.of("expected exactly one aws_elasticache_replication_group, found " + groups.size());
        }
        check(v, config.resources("aws_elasticache_cluster").isEmpty(), null,
                "no stand-alone aws_elasticache_cluster: every node belongs to the replication group");
        Block g = groups.get(0);
        check(v, g.attr("engine").flatMap(config::resolve).map(e -> "valkey".equals(e.literal())).orElse(false), g,
                "engine must default to \"valkey\"");
        check(v, g.attr("automatic_failover_enabled").map(Expr::isTrue).orElse(false), g,
                "automatic_failover_enabled must be true");
        check(v, g.attr("multi_az_enabled").map(Expr::isTrue).orElse(false), g, "multi_az_enabled must be true");
        check(v, !g.has("num_node_groups") && !g.has("replicas_per_node_group"), g,
                "cluster mode stays disabled (no num_node_groups / replicas_per_node_group): one VALKEY_URL endpoint");
        check(v, g.attr("num_cache_clusters").map(e -> e.text().equals("local.node_count")).orElse(false)
                && Optional.ofNullable(config.locals().get("node_count"))
                        .map(e -> e.text().equals("length(var.availability_zones)")).orElse(false), g,
                "num_cache_clusters must be local.node_count = length(var.availability_zones): one node per zone entry");
        check(v, g.attr("preferred_cache_cluster_azs").map(e -> e.text().equals("var.availability_zones")).orElse(false),
                g, "preferred_cache_cluster_azs must be var.availability_zones (the primary in the first zone)");
        Block zones = config.variables().get("availability_zones");
        List<String> conditions = zones == null ? List.of() : zones.nested("validation").stream()
                .map(b -> b.attr("condition").map(Expr::text).orElse("")).toList();
        check(v, conditions.stream().anyMatch(c -> c.contains("length(var.availability_zones) >= 2")), zones,
                "availability_zones must be validated to hold at least two entries (a primary and a replica)");
        check(v, conditions.stream().anyMatch(c -> c.contains("var.availability_zones[0] != var.availability_zones[1]")),
                zones, "availability_zones must be validated to put the first replica in another zone than the primary");
        check(v, g.attr("snapshot_retention_limit").flatMap(config::resolve).flatMap(Expr::number)
                .map(n -> n.signum() > 0).orElse(false), g, "snapshot_retention_limit must default to at least 1 day");
        check(v, g.has("final_snapshot_identifier"), g, "final_snapshot_identifier must be set");
        check(v, g.attr("notification_topic_arn").map(e -> e.refersTo("var.alarm_sns_topic_arn")).orElse(false), g,
                "notification_topic_arn must be var.alarm_sns_topic_arn (failover events)");
        return v;
    }

    List<String> encryption() {
        List<String> v = new ArrayList<>();
        group().ifPresentOrElse(g -> {
            check(v, g.attr("at_rest_encryption_enabled").map(Expr::isTrue).orElse(false), g,
                    "at_rest_encryption_enabled must be true");
            check(v, g.attr("kms_key_id").map(e -> e.refersTo("var.kms_key_arn")).orElse(false), g,
                    "kms_key_id must be var.kms_key_arn");
            check(v, g.attr("transit_encryption_enabled").map(Expr::isTrue).orElse(false), g,
                    "transit_encryption_enabled must be true");
            check(v, literal(g, "transit_encryption_mode").map("required"::equals).orElse(false), g,
                    "transit_encryption_mode must be \"required\" (no plain-text clients)");
        }, () -> v.add("no replication group"));
        for (Block secret : config.resources("aws_secretsmanager_secret")) {
            check(v, secret.attr("kms_key_id").map(e -> e.refersTo("var.kms_key_arn")).orElse(false), secret,
                    "the auth token secret must be encrypted with var.kms_key_arn");
        }
        for (Block logGroup : config.resources("aws_cloudwatch_log_group")) {
            check(v, logGroup.attr("kms_key_id").map(e -> e.refersTo("var.kms_key_arn")).orElse(false), logGroup,
                    "the log group must be encrypted with var.kms_key_arn");
        }
        return v;
    }

    List<String> authToken() {
        List<String> v = new ArrayList<>();
        Optional<Block> group = group();
        if (group.isEmpty()) {
            return List.of("no replication group");
        }
        Block g = group.get();
        check(v, g.attr("auth_token").map(e -> e.refersTo("data.aws_secretsmanager_secret_version")).orElse(false), g,
                "auth_token must come from the Secrets Manager secret (data.aws_secretsmanager_secret_version)");
        check(v, literal(g, "auth_token_update_strategy").map("ROTATE"::equals).orElse(false), g,
                "auth_token_update_strategy must be ROTATE (old and new token valid while the nodes switch)");
        List<Block> versions = config.resources("aws_secretsmanager_secret_version");
        check(v, versions.size() == 1, null, "expected one aws_secretsmanager_secret_version, found " + versions.size());
        for (Block version : versions) {
            check(v, !version.has("secret_string") && !version.has("secret_binary"), version,
                    "secret_string must not be set: write the token through the write-only secret_string_wo");
            check(v, version.attr("secret_string_wo").map(e -> e.refersTo("ephemeral.aws_secretsmanager_random_password"))
                    .orElse(false), version, "secret_string_wo must be an ephemeral aws_secretsmanager_random_password");
            check(v, version.attr("secret_string_wo_version").map(e -> e.refersTo("var.auth_token_version"))
                    .orElse(false), version, "secret_string_wo_version must be var.auth_token_version");
        }
        for (Block random : config.blocks("ephemeral")) {
            if (random.label(0).equals("aws_secretsmanager_random_password")) {
                check(v, random.attr("password_length").flatMap(Expr::number)
                        .map(n -> n.compareTo(new BigDecimal(32)) >= 0 && n.compareTo(new BigDecimal(128)) <= 0)
                        .orElse(false), random, "password_length must be 32-128 (ElastiCache takes 16-128)");
                check(v, random.attr("exclude_punctuation").map(Expr::isTrue).orElse(false), random,
                        "exclude_punctuation must be true (ElastiCache refuses @, \" and / in a token)");
            }
        }
        return v;
    }

    List<String> network() {
        List<String> v = new ArrayList<>();
        List<Block> subnetGroups = config.resources("aws_elasticache_subnet_group");
        check(v, subnetGroups.size() == 1 && subnetGroups.get(0).attr("subnet_ids")
                .map(e -> e.text().equals("var.subnet_ids")).orElse(false), null,
                "one aws_elasticache_subnet_group of var.subnet_ids");
        group().ifPresent(g -> {
            check(v, g.attr("subnet_group_name").map(e -> e.refersTo("aws_elasticache_subnet_group")).orElse(false), g,
                    "subnet_group_name must be the module's subnet group");
            check(v, g.attr("security_group_ids").map(e -> e.refersTo("aws_security_group")).orElse(false), g,
                    "security_group_ids must be the module's security group");
            check(v, g.attr("port").map(e -> e.text().equals("var.port")).orElse(false), g, "port must be var.port");
        });
        check(v, config.variableDefault("port").flatMap(Expr::number).map(n -> n.compareTo(new BigDecimal(6379)) == 0)
                .orElse(false), null, "var.port must default to 6379");
        List<Block> groups = config.resources("aws_security_group");
        check(v, groups.size() == 1, null, "expected one aws_security_group, found " + groups.size());
        for (Block sg : groups) {
            check(v, sg.has("vpc_id"), sg, "vpc_id must be set");
            check(v, sg.nested("ingress").isEmpty() && sg.nested("egress").isEmpty(), sg,
                    "no inline rules: ingress only through the rule resources");
        }
        check(v, config.resources("aws_vpc_security_group_egress_rule").isEmpty()
                && config.resources("aws_security_group_rule").isEmpty(), null,
                "no egress or legacy aws_security_group_rule resources");
        List<Block> rules = config.resources("aws_vpc_security_group_ingress_rule");
        check(v, !rules.isEmpty(), null, "no ingress rule admits the application's security groups");
        for (Block rule : rules) {
            check(v, literal(rule, "ip_protocol").map("tcp"::equals).orElse(false), rule, "ip_protocol must be tcp");
            check(v, rule.attr("from_port").map(e -> e.text().equals("var.port")).orElse(false)
                    && rule.attr("to_port").map(e -> e.text().equals("var.port")).orElse(false), rule,
                    "from_port and to_port must both be var.port (6379 only)");
            check(v, !rule.has("cidr_ipv4") && !rule.has("cidr_ipv6") && !rule.has("prefix_list_id")
                    && rule.attr("referenced_security_group_id").map(e -> e.refersTo("var.allowed_security_group_ids"))
                            .orElse(false), rule,
                    "the only source may be var.allowed_security_group_ids (the application's security groups)");
        }
        Block allowed = config.variables().get("allowed_security_group_ids");
        check(v, allowed != null && !allowed.has("default"), allowed,
                "allowed_security_group_ids must be required (no default)");
        return v;
    }

    List<String> parameters() {
        List<String> v = new ArrayList<>();
        List<Block> groups = config.resources("aws_elasticache_parameter_group");
        if (groups.size() != 1) {
            return List.of("expected one aws_elasticache_parameter_group, found " + groups.size());
        }
        Block pg = groups.get(0);
        check(v, pg.attr("family").map(e -> e.refersTo("var.engine") && e.refersTo("local.engine_major")).orElse(false),
                pg, "family must be derived from var.engine and its major version");
        Map<String, Expr> values = new LinkedHashMap<>();
        pg.nested("parameter").forEach(p -> literal(p, "name").ifPresent(n -> values.put(String.valueOf(n),
                p.attr("value").orElse(null))));
        Optional<Expr> policy = Optional.ofNullable(values.get("maxmemory-policy"));
        check(v, policy.flatMap(config::resolve).map(e -> String.valueOf(e.literal())).filter(s -> s.contains("lru")
                || s.contains("lfu")).isPresent(), pg, "maxmemory-policy must default to an LRU/LFU eviction policy");
        group().ifPresent(g -> check(v, g.attr("parameter_group_name").map(e -> e.refersTo(pg.address())).orElse(false),
                g, "parameter_group_name must be " + pg.address()));
        return v;
    }

    List<String> alarms() {
        List<String> v = new ArrayList<>();
        Map<String, Block> byMetric = new LinkedHashMap<>();
        for (Block alarm : config.resources("aws_cloudwatch_metric_alarm")) {
            String metric = literal(alarm, "metric_name").map(String::valueOf).orElse("?");
            byMetric.put(metric, alarm);
            check(v, literal(alarm, "namespace").map("AWS/ElastiCache"::equals).orElse(false), alarm,
                    "namespace must be AWS/ElastiCache");
            check(v, alarm.attr("count").map(e -> e.text().equals("local.node_count")).orElse(false), alarm,
                    "count must be local.node_count (every node)");
            check(v, alarm.attr("dimensions").flatMap(d -> d.entry("CacheClusterId"))
                    .map(e -> e.text().equals("local.node_ids[count.index]")).orElse(false), alarm,
                    "must watch every node: CacheClusterId = local.node_ids[count.index]");
            check(v, alarm.attr("alarm_actions").map(e -> e.refersTo("var.alarm_sns_topic_arn")).orElse(false)
                    && alarm.attr("ok_actions").map(e -> e.refersTo("var.alarm_sns_topic_arn")).orElse(false), alarm,
                    "alarm_actions and ok_actions must notify var.alarm_sns_topic_arn");
            check(v, literal(alarm, "comparison_operator").map("GreaterThanThreshold"::equals).orElse(false), alarm,
                    metric + ": comparison_operator must be GreaterThanThreshold");
            BigDecimal expected = ALARM_METRICS.get(metric);
            if (expected != null) {
                check(v, alarm.attr("threshold").flatMap(config::resolve).flatMap(Expr::number)
                        .map(t -> t.compareTo(expected) == 0).orElse(false), alarm,
                        metric + ": threshold must default to " + expected);
            }
        }
        ALARM_METRICS.keySet().stream().sorted().filter(m -> !byMetric.containsKey(m))
                .forEach(m -> v.add("no " + m + " alarm on every node"));
        Optional<Expr> ids = Optional.ofNullable(config.locals().get("node_ids"));
        check(v, ids.map(e -> e.refersTo("aws_elasticache_replication_group") && e.text().contains("%03d")
                && e.refersTo("local.node_count")).orElse(false), null,
                "local.node_ids must be <replication group id>-001... for each of local.node_count nodes");
        return v;
    }

    List<String> outputs() {
        List<String> v = new ArrayList<>();
        Map<String, Block> outputs = config.outputs();
        REQUIRED_OUTPUTS.stream().filter(n -> !outputs.containsKey(n)).forEach(n -> v.add("output " + n + " is missing"));
        Optional<Expr> url = Optional.ofNullable(config.locals().get("valkey_url"));
        check(v, url.map(e -> e.text().startsWith("\"rediss://${")
                && e.refersTo("aws_elasticache_replication_group.this.primary_endpoint_address")
                && e.refersTo("aws_elasticache_replication_group.this.port")).orElse(false), null,
                "local.valkey_url must be rediss:// (TLS) to the primary endpoint and port");
        check(v, url.map(e -> !e.refersTo("data.aws_secretsmanager_secret_version")).orElse(true), null,
                "local.valkey_url must not carry the auth token (outputs are not secret)");
        Optional.ofNullable(outputs.get("valkey_url")).ifPresent(o -> check(v, o.attr("value")
                .map(e -> e.text().equals("local.valkey_url")).orElse(false), o, "must be local.valkey_url"));
        Optional.ofNullable(outputs.get("application_environment")).ifPresent(o -> check(v, o.attr("value")
                .flatMap(e -> e.entry("VALKEY_URL")).map(e -> e.text().equals("local.valkey_url")).orElse(false), o,
                "must map VALKEY_URL to local.valkey_url"));
        Optional.ofNullable(outputs.get("auth_token_secret_arn")).ifPresent(o -> check(v, o.attr("value")
                .map(e -> e.refersTo("aws_secretsmanager_secret.auth_token.arn")).orElse(false), o,
                "must be the auth token secret's ARN"));
        return v;
    }

    private static Optional<Object> literal(Block block, String attribute) {
        return block.attr(attribute).filter(Expr::isLiteral).map(Expr::literal).filter(Objects::nonNull);
    }

    private static void check(List<String> violations, boolean holds, Block where, String message) {
        if (!holds) {
            violations.add(where == null ? message : where.where() + ": " + message);
        }
    }
}
