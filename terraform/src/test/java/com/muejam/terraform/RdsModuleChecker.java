package com.muejam.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promises of {@code terraform/modules/rds}, as rules over its parsed configuration. Each rule returns the
 * violations it finds ({@code file:line address: what is wrong}); an empty list means the rule holds.
 *
 * <p>Conventions the rules rely on: the primary is the {@code aws_db_instance} without {@code replicate_source_db};
 * the replicas are one {@code aws_db_instance} with {@code count = var.replica_count}; an alarm watches the primary
 * (no count, dimension {@code aws_db_instance.primary}) or every replica ({@code count = var.replica_count},
 * dimension {@code aws_db_instance.<replica>[count.index]}).
 */
public final class RdsModuleChecker {

    /** Attributes a replica must not set: it inherits credentials and database from its source. */
    public static final List<String> REPLICA_FORBIDDEN_ATTRIBUTES = List.of("username", "password", "password_wo",
            "password_wo_version", "manage_master_user_password", "master_user_secret_kms_key_id", "db_name");

    /** Outputs the application's environment is built from. */
    public static final List<String> REQUIRED_OUTPUTS = List.of("db_primary_address", "db_primary_port",
            "db_primary_endpoint", "db_replica_1_address", "db_replica_1_port", "db_replica_1_endpoint",
            "db_replica_2_address", "db_replica_2_port", "db_replica_2_endpoint", "db_name", "use_read_replica",
            "master_user_secret_arn", "security_group_id", "alarm_sns_topic_arn", "application_environment");

    /** PostgreSQL parameters of postmaster context: RDS accepts them only with apply_method = pending-reboot. */
    public static final Set<String> STATIC_PARAMETERS = Set.of("shared_preload_libraries", "max_connections",
            "autovacuum_max_workers", "pg_stat_statements.max", "max_worker_processes", "max_wal_senders",
            "max_replication_slots", "max_locks_per_transaction", "max_prepared_transactions",
            "max_pred_locks_per_transaction", "track_activity_query_size", "shared_buffers", "wal_buffers",
            "huge_pages", "superuser_reserved_connections", "autovacuum_freeze_max_age", "track_commit_timestamp",
            "rds.logical_replication", "max_logical_replication_workers", "max_files_per_process");

    /** One kind of alarm the module promises. */
    record AlarmKind(String metric, String comparison, boolean onPrimary, boolean onReplicas,
            BigDecimal threshold, String thresholdReference) {
    }

    static final List<AlarmKind> ALARM_KINDS = List.of(
            new AlarmKind("CPUUtilization", "GreaterThanThreshold", true, true, new BigDecimal("80"), null),
            new AlarmKind("DatabaseConnections", "GreaterThanThreshold", true, true, null,
                    "local.connections_alarm_threshold"),
            new AlarmKind("ReplicaLag", "GreaterThanThreshold", false, true, BigDecimal.ONE, null),
            new AlarmKind("FreeStorageSpace", "LessThanThreshold", true, true, null, null),
            new AlarmKind("FreeableMemory", "LessThanThreshold", true, true, null, null));

    /** RFC 1918: the only ranges allowed_cidr_blocks may admit. */
    public static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    private static final Pattern DATA_REFERENCE = ConfigRules.DATA_REFERENCE;
    private static final Pattern NAMED_REFERENCE = ConfigRules.NAMED_REFERENCE;

    private final TerraformConfig config;

    public RdsModuleChecker(TerraformConfig config) {
        this.config = config;
    }

    /** Every rule by a readable name, in the order they are reported. */
    public Map<String, Supplier<List<String>>> rules() {
        Map<String, Supplier<List<String>>> rules = new LinkedHashMap<>();
        rules.put("primary is a Multi-AZ PostgreSQL 15 instance on gp3 with autoscaling", this::primary);
        rules.put("storage, Performance Insights and secret are encrypted with KMS", this::encryption);
        rules.put("no instance is publicly accessible", this::notPublic);
        rules.put("7-day backups, deletion protection and a final snapshot", this::backupsAndDeletion);
        rules.put("credentials come from Secrets Manager or a sensitive variable, never on replicas", this::credentials);
        rules.put("0-2 replicas by count of the primary, own class, no backups", this::replicas);
        rules.put("private subnets and PostgreSQL-only ingress from given groups or CIDRs", this::network);
        rules.put("parameter group: slow-query log, pg_stat_statements, autovacuum, max_connections", this::parameters);
        rules.put("Performance Insights and 60 s enhanced monitoring on every instance", this::monitoring);
        rules.put("an alarm of each kind on the primary and on every replica", this::alarms);
        rules.put("outputs for the application's environment", this::outputs);
        rules.put("every reference resolves to a declaration", this::references);
        rules.put("variables and outputs are documented and used", this::documentation);
        return rules;
    }

    /** Violations of all rules. */
    public List<String> violations() {
        List<String> all = new ArrayList<>();
        rules().values().forEach(rule -> all.addAll(rule.get()));
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------
    // instances

    List<Block> instances() {
        return config.resources("aws_db_instance");
    }

    Optional<Block> primaryInstance() {
        List<Block> primaries = config.resources("aws_db_instance", b -> !b.has("replicate_source_db"));
        return primaries.size() == 1 ? Optional.of(primaries.get(0)) : Optional.empty();
    }

    List<Block> replicaInstances() {
        return config.resources("aws_db_instance", b -> b.has("replicate_source_db"));
    }

    List<String> primary() {
        List<String> v = new ArrayList<>();
        List<Block> primaries = config.resources("aws_db_instance", b -> !b.has("replicate_source_db"));
        if (primaries.size() != 1) {
            v.add("expected exactly one aws_db_instance without replicate_source_db (the primary), found "
                    + primaries.size());
            return v;
        }
        Block p = primaries.get(0);
        check(v, !p.has("count") && !p.has("for_each"), p, "the primary must be a single instance (no count/for_each)");
        check(v, literal(p, "engine").map("postgres"::equals).orElse(false), p, "engine must be \"postgres\"");
        check(v, p.attr("engine_version").flatMap(config::resolve).map(e -> String.valueOf(e.literal()))
                .filter(s -> s.equals("15") || s.startsWith("15.")).isPresent(), p,
                "engine_version must default to PostgreSQL 15.x");
        check(v, p.attr("multi_az").map(Expr::isTrue).orElse(false), p, "multi_az must be true");
        check(v, literal(p, "storage_type").map("gp3"::equals).orElse(false), p, "storage_type must be \"gp3\"");
        Optional<BigDecimal> allocated = p.attr("allocated_storage").flatMap(config::resolve).flatMap(Expr::number);
        Optional<BigDecimal> limit = p.attr("max_allocated_storage").flatMap(config::resolve).flatMap(Expr::number);
        check(v, allocated.isPresent() && limit.isPresent() && limit.get().compareTo(allocated.get()) > 0, p,
                "max_allocated_storage must exceed allocated_storage (storage autoscaling)");
        check(v, p.attr("copy_tags_to_snapshot").map(Expr::isTrue).orElse(false), p, "copy_tags_to_snapshot must be true");
        check(v, p.has("backup_window") && p.has("maintenance_window"), p, "backup_window and maintenance_window must be set");
        check(v, p.attr("db_subnet_group_name").map(e -> e.refersTo("aws_db_subnet_group")).orElse(false), p,
                "db_subnet_group_name must be the module's aws_db_subnet_group");
        for (Block instance : instances()) {
            check(v, instance.attr("iam_database_authentication_enabled").map(Expr::isTrue).orElse(false), instance,
                    "iam_database_authentication_enabled must be true");
            Optional<Expr> logs = instance.attr("enabled_cloudwatch_logs_exports").flatMap(config::resolve);
            check(v, logs.map(e -> e.literal() instanceof List<?> l && l.contains("postgresql") && l.contains("upgrade"))
                    .orElse(false), instance, "enabled_cloudwatch_logs_exports must be [\"postgresql\", \"upgrade\"]");
            check(v, instance.attr("vpc_security_group_ids").map(e -> e.refersTo("aws_security_group")).orElse(false),
                    instance, "vpc_security_group_ids must be the module's aws_security_group");
        }
        return v;
    }

    List<String> encryption() {
        List<String> v = new ArrayList<>();
        for (Block instance : instances()) {
            check(v, instance.attr("storage_encrypted").map(Expr::isTrue).orElse(false), instance,
                    "storage_encrypted must be true");
            check(v, instance.attr("kms_key_id").map(this::isKmsKey).orElse(false), instance,
                    "kms_key_id must be the module's KMS key (created or passed in)");
            check(v, instance.attr("performance_insights_kms_key_id").map(this::isKmsKey).orElse(false), instance,
                    "performance_insights_kms_key_id must be the module's KMS key");
        }
        List<Block> keys = config.resources("aws_kms_key");
        if (keys.isEmpty()) {
            v.add("no aws_kms_key: the module must be able to create its key");
        }
        for (Block key : keys) {
            check(v, key.attr("enable_key_rotation").map(Expr::isTrue).orElse(false), key, "enable_key_rotation must be true");
        }
        for (Block secret : config.resources("aws_secretsmanager_secret")) {
            check(v, secret.attr("kms_key_id").map(this::isKmsKey).orElse(false), secret,
                    "the credentials secret must be encrypted with the module's KMS key");
        }
        for (Block logGroup : config.resources("aws_cloudwatch_log_group")) {
            check(v, logGroup.attr("kms_key_id").map(this::isKmsKey).orElse(false), logGroup,
                    "the log group must be encrypted with the module's KMS key");
        }
        for (Block topic : config.resources("aws_sns_topic")) {
            check(v, topic.attr("kms_master_key_id").map(this::isKmsKey).orElse(false), topic,
                    "the alarm topic must be encrypted with the module's KMS key (or the one passed in)");
        }
        for (Block key : keys) {
            Optional<Block> policy = key.attr("policy").flatMap(e -> e.references().stream()
                    .map(DATA_REFERENCE::matcher).filter(Matcher::find)
                    .filter(m -> m.group(1).equals("aws_iam_policy_document"))
                    .map(m -> config.data(m.group(1), m.group(2))).flatMap(Optional::stream).findFirst());
            check(v, policy.isPresent(), key, "policy must be an aws_iam_policy_document of the module");
            List<String> principals = policy.stream().flatMap(d -> d.nested("statement").stream())
                    .flatMap(s -> s.nested("principals").stream())
                    .flatMap(pr -> pr.attr("identifiers").stream()).map(Expr::text).toList();
            for (String service : List.of("logs.${data.aws_region.current.name}.amazonaws.com", "cloudwatch.amazonaws.com",
                    ":root")) {
                check(v, principals.stream().anyMatch(p -> p.contains(service)), key,
                        "the key policy must admit " + service + " (log groups, alarm topic, the account's principals)");
            }
        }
        return v;
    }

    private boolean isKmsKey(Expr expr) {
        Set<String> reached = reach(expr);
        return reached.stream().anyMatch(r -> r.startsWith("aws_kms_key.")) && reached.contains("var.kms_key_arn");
    }

    List<String> notPublic() {
        List<String> v = new ArrayList<>();
        for (Block instance : instances()) {
            check(v, instance.attr("publicly_accessible").map(Expr::isFalse).orElse(false), instance,
                    "publicly_accessible must be set to false");
        }
        return v;
    }

    List<String> backupsAndDeletion() {
        List<String> v = new ArrayList<>();
        Optional<Block> primary = primaryInstance();
        if (primary.isEmpty()) {
            return List.of("no primary instance");
        }
        Block p = primary.get();
        check(v, p.attr("backup_retention_period").flatMap(config::resolve).flatMap(Expr::number)
                .map(n -> n.compareTo(new BigDecimal(7)) == 0).orElse(false), p,
                "backup_retention_period must be 7 days by default");
        check(v, p.has("backup_window"), p, "backup_window must be set");
        check(v, p.attr("deletion_protection").flatMap(config::resolve).map(Expr::isTrue).orElse(false), p,
                "deletion_protection must be on by default");
        check(v, p.attr("skip_final_snapshot").flatMap(config::resolve).map(Expr::isFalse).orElse(false), p,
                "skip_final_snapshot must be false by default (final snapshot on)");
        check(v, p.has("final_snapshot_identifier"), p, "final_snapshot_identifier must be set");
        return v;
    }

    List<String> credentials() {
        List<String> v = new ArrayList<>();
        Optional<Block> primary = primaryInstance();
        if (primary.isEmpty()) {
            return List.of("no primary instance");
        }
        Block p = primary.get();
        check(v, p.attr("username").map(e -> e.refersTo("var.master_username")).orElse(false), p,
                "username must come from var.master_username");
        check(v, p.attr("manage_master_user_password").map(e -> e.refersTo("var.manage_master_user_password"))
                .orElse(false), p, "manage_master_user_password must follow var.manage_master_user_password");
        check(v, !p.has("password"), p,
                "password must not be set: it would be kept in the state (use the write-only password_wo)");
        check(v, p.attr("password_wo").map(e -> e.refersTo("var.master_password")
                && e.refersTo("var.manage_master_user_password")).orElse(false), p,
                "password_wo must be var.master_password only when the password is not managed by Secrets Manager");
        check(v, p.attr("password_wo_version").map(e -> e.refersTo("var.master_password_version")).orElse(false), p,
                "password_wo_version must be var.master_password_version (a new version sends the new password)");
        for (Block version : config.resources("aws_secretsmanager_secret_version")) {
            check(v, !version.has("secret_string") && !version.has("secret_binary"), version,
                    "secret_string must not be set: it would be kept in the state (use the write-only secret_string_wo)");
            check(v, version.attr("secret_string_wo").map(e -> e.refersTo("var.master_password")).orElse(false)
                    && version.attr("secret_string_wo_version").map(e -> e.refersTo("var.master_password_version"))
                            .orElse(false), version,
                    "secret_string_wo must hold var.master_password, versioned by var.master_password_version");
        }
        Block password = config.variables().get("master_password");
        if (password == null) {
            v.add("variable master_password is missing");
        } else {
            check(v, password.attr("sensitive").map(Expr::isTrue).orElse(false), password, "must be sensitive");
            check(v, password.attr("ephemeral").map(Expr::isTrue).orElse(false), password,
                    "must be ephemeral (never in plan or state)");
            check(v, password.attr("default").map(e -> e.isLiteral() && e.literal() == null).orElse(true), password,
                    "must not have a default (no password in the repository)");
        }
        Block managed = config.variables().get("manage_master_user_password");
        check(v, managed != null && managed.nested("validation").stream().anyMatch(val -> val.attr("condition")
                .map(c -> c.refersTo("var.replica_count")).orElse(false)), managed == null ? p : managed,
                "must refuse manage_master_user_password with replicas (AWS creates no replica of such a source)");
        for (Block replica : replicaInstances()) {
            for (String attribute : REPLICA_FORBIDDEN_ATTRIBUTES) {
                check(v, !replica.has(attribute), replica,
                        "a replica must not set " + attribute + " (it inherits it from its source)");
            }
        }
        check(v, Optional.ofNullable(config.outputs().get("master_user_secret_arn")).flatMap(o -> o.attr("value"))
                .map(e -> e.refersTo(p.address() + ".master_user_secret") && e.refersTo("aws_secretsmanager_secret"))
                .orElse(false), p, "output master_user_secret_arn must give the RDS-managed or the module's secret");
        return v;
    }

    List<String> replicas() {
        List<String> v = new ArrayList<>();
        List<Block> replicas = replicaInstances();
        if (replicas.size() != 1) {
            v.add("expected one aws_db_instance resource with replicate_source_db and count = var.replica_count, found "
                    + replicas.size());
        }
        for (Block r : replicas) {
            check(v, r.attr("count").map(e -> e.text().equals("var.replica_count")).orElse(false), r,
                    "count must be var.replica_count");
            check(v, !r.has("for_each"), r, "replicas are counted, not for_each");
            check(v, r.attr("replicate_source_db").map(e -> e.refersTo("aws_db_instance.primary")).orElse(false), r,
                    "replicate_source_db must be the primary");
            check(v, r.attr("instance_class").map(e -> e.refersTo("var.replica_instance_class")).orElse(false), r,
                    "instance_class must be the replicas' own (var.replica_instance_class)");
            check(v, r.attr("backup_retention_period").flatMap(config::resolve).flatMap(Expr::number)
                    .map(n -> n.signum() == 0).orElse(false), r, "backup_retention_period must be 0 (no backups)");
            check(v, r.attr("skip_final_snapshot").map(Expr::isTrue).orElse(false), r,
                    "skip_final_snapshot must be true (RDS takes no final snapshot of a replica)");
        }
        Block count = config.variables().get("replica_count");
        if (count == null) {
            v.add("variable replica_count is missing");
            return v;
        }
        check(v, count.attr("type").map(e -> e.text().equals("number")).orElse(false), count, "type must be number");
        check(v, count.attr("default").flatMap(Expr::number)
                .map(n -> n.compareTo(BigDecimal.ZERO) >= 0 && n.compareTo(new BigDecimal(2)) <= 0).orElse(false),
                count, "default must be 0, 1 or 2");
        List<String> conditions = count.nested("validation").stream()
                .map(b -> b.attr("condition").map(Expr::text).orElse("")).toList();
        check(v, conditions.stream().anyMatch(c -> c.contains("var.replica_count >= 0")
                && c.contains("var.replica_count <= 2") && c.contains("floor(var.replica_count) == var.replica_count")),
                count, "validation must allow exactly the whole numbers 0-2, found " + conditions);
        return v;
    }

    List<String> network() {
        List<String> v = new ArrayList<>();
        List<Block> subnetGroups = config.resources("aws_db_subnet_group");
        check(v, subnetGroups.size() == 1 && subnetGroups.get(0).attr("subnet_ids")
                .map(e -> e.text().equals("var.subnet_ids")).orElse(false), null, "one aws_db_subnet_group of var.subnet_ids");
        Block subnets = config.variables().get("subnet_ids");
        check(v, subnets != null && subnets.nested("validation").stream().anyMatch(b -> b.attr("condition")
                .map(c -> c.text().contains("length(var.subnet_ids) >= 2")).orElse(false)), subnets,
                "subnet_ids must be validated to span at least two subnets (Multi-AZ)");
        List<Block> groups = config.resources("aws_security_group");
        check(v, groups.size() == 1, null, "expected one aws_security_group, found " + groups.size());
        for (Block group : groups) {
            check(v, group.has("vpc_id"), group, "vpc_id must be set");
            check(v, group.nested("ingress").isEmpty() && group.nested("egress").isEmpty() && !group.has("ingress")
                    && !group.has("egress"), group, "no inline rules: ingress only through the rule resources");
        }
        check(v, config.resources("aws_vpc_security_group_egress_rule").isEmpty()
                && config.resources("aws_security_group_rule").isEmpty(), null,
                "no egress or legacy aws_security_group_rule resources");
        List<Block> rules = config.resources("aws_vpc_security_group_ingress_rule");
        check(v, rules.stream().anyMatch(r -> r.has("referenced_security_group_id")), null,
                "no ingress rule admits the given security groups");
        check(v, rules.stream().anyMatch(r -> r.has("cidr_ipv4")), null, "no ingress rule admits the given CIDR blocks");
        for (Block rule : rules) {
            check(v, literal(rule, "ip_protocol").map("tcp"::equals).orElse(false), rule, "ip_protocol must be tcp");
            check(v, rule.attr("from_port").map(e -> e.text().equals("var.port")).orElse(false)
                    && rule.attr("to_port").map(e -> e.text().equals("var.port")).orElse(false), rule,
                    "from_port and to_port must both be var.port (PostgreSQL only)");
            check(v, rule.attr("security_group_id").map(e -> e.refersTo("aws_security_group")).orElse(false), rule,
                    "must belong to the module's security group");
            List<String> sources = List.of("referenced_security_group_id", "cidr_ipv4", "cidr_ipv6", "prefix_list_id")
                    .stream().filter(rule::has).toList();
            check(v, sources.size() == 1 && rule.attr(sources.get(0)).map(e -> e.refersTo("var.allowed_security_group_ids")
                    || e.refersTo("var.allowed_cidr_blocks")).orElse(false), rule,
                    "the source must be one of var.allowed_security_group_ids / var.allowed_cidr_blocks");
        }
        for (Block resource : config.blocks("resource")) {
            for (Map.Entry<String, Expr> attribute : allAttributes(resource).entrySet()) {
                String text = attribute.getValue().text();
                check(v, !text.contains("0.0.0.0/0") && !text.contains("::/0"), resource,
                        attribute.getKey() + " opens the database to the internet (" + text + ")");
            }
        }
        Block cidrs = config.variables().get("allowed_cidr_blocks");
        check(v, cidrs != null && cidrs.nested("validation").stream().anyMatch(b -> b.attr("condition")
                .map(c -> PRIVATE_RANGES.stream().allMatch(r -> c.text().contains("\"" + r + "\""))
                        && c.text().contains("cidrhost(") && c.refersTo("var.allowed_cidr_blocks")).orElse(false)
                && b.attr("condition").map(c -> PRIVATE_RANGES.stream().filter(r -> c.text().contains(r)).count()
                        == c.text().split("\"[0-9.]+/[0-9]+\"", -1).length - 1).orElse(false)),
                cidrs, "allowed_cidr_blocks must be validated to lie inside " + String.join(", ", PRIVATE_RANGES)
                        + " and no other range");
        return v;
    }

    List<String> parameters() {
        List<String> v = new ArrayList<>();
        List<Block> groups = config.resources("aws_db_parameter_group");
        if (groups.size() != 1) {
            return List.of("expected one aws_db_parameter_group, found " + groups.size());
        }
        Block group = groups.get(0);
        check(v, group.attr("family").map(e -> e.text().startsWith("\"postgres${")).orElse(false), group,
                "family must be postgres<major> derived from the engine version");
        Map<String, Block> parameters = new LinkedHashMap<>();
        for (Block parameter : group.nested("parameter")) {
            String name = literal(parameter, "name").map(String::valueOf).orElse("?");
            check(v, parameters.put(name, parameter) == null, parameter, "parameter " + name + " set twice");
            String method = literal(parameter, "apply_method").map(String::valueOf).orElse("");
            check(v, method.equals("immediate") || method.equals("pending-reboot"), parameter,
                    name + ": apply_method must be set explicitly");
            if (STATIC_PARAMETERS.contains(name)) {
                check(v, method.equals("pending-reboot"), parameter,
                        name + " is static: apply_method must be pending-reboot");
            }
        }
        check(v, value(parameters, "log_min_duration_statement").map("100"::equals).orElse(false), group,
                "log_min_duration_statement must be 100 (ms)");
        check(v, value(parameters, "shared_preload_libraries").map(s -> s.contains("pg_stat_statements")).orElse(false),
                group, "shared_preload_libraries must preload pg_stat_statements");
        check(v, value(parameters, "log_parameter_max_length").map("0"::equals).orElse(false), group,
                "log_parameter_max_length must be 0 (no bind parameters, i.e. user data, in the logs)");
        check(v, !parameters.containsKey("statement_timeout"), group,
                "statement_timeout belongs to the application, not the parameter group");
        check(v, decimal(value(parameters, "autovacuum_vacuum_scale_factor")).map(d -> d.compareTo(new BigDecimal("0.2")) < 0)
                .orElse(false) && decimal(value(parameters, "autovacuum_analyze_scale_factor"))
                .map(d -> d.compareTo(new BigDecimal("0.1")) < 0).orElse(false), group,
                "autovacuum scale factors must be tuned below the PostgreSQL defaults (0.2 / 0.1)");
        Optional<Expr> maxConnections = Optional.ofNullable(parameters.get("max_connections")).flatMap(b -> b.attr("value"));
        check(v, maxConnections.map(e -> e.refersTo("local.max_connections")).orElse(false), group,
                "max_connections must be set from local.max_connections");
        Optional<Expr> budget = Optional.ofNullable(config.locals().get("max_connections"));
        check(v, budget.map(e -> e.refersTo("var.app_pool_max_size") && e.refersTo("var.app_node_count")).orElse(false),
                group, "local.max_connections must be sized from the application's nodes and pool size");
        check(v, config.variableDefault("app_pool_max_size").flatMap(Expr::number)
                .map(n -> n.compareTo(new BigDecimal(50)) == 0).orElse(false), group,
                "the application's pools hold 50 connections: var.app_pool_max_size must default to 50");
        for (Block instance : instances()) {
            check(v, instance.attr("parameter_group_name").map(e -> e.refersTo(group.address())).orElse(false),
                    instance, "parameter_group_name must be " + group.address());
        }
        return v;
    }

    List<String> monitoring() {
        List<String> v = new ArrayList<>();
        for (Block instance : instances()) {
            check(v, instance.attr("performance_insights_enabled").map(Expr::isTrue).orElse(false), instance,
                    "performance_insights_enabled must be true");
            check(v, instance.has("performance_insights_retention_period"), instance,
                    "performance_insights_retention_period must be set");
            check(v, literal(instance, "monitoring_interval").map(n -> n instanceof BigDecimal d
                    && d.compareTo(new BigDecimal(60)) == 0).orElse(false), instance, "monitoring_interval must be 60");
            check(v, instance.attr("monitoring_role_arn").map(e -> reach(e).stream()
                    .anyMatch(r -> r.startsWith("aws_iam_role."))).orElse(false), instance,
                    "monitoring_role_arn must be the module's enhanced monitoring role (or the one passed in)");
        }
        Block retention = config.variables().get("performance_insights_retention_period");
        List<String> retentionConditions = retention == null ? List.of() : retention.nested("validation").stream()
                .map(b -> b.attr("condition").map(Expr::text).orElse("")).toList();
        String p = "var.performance_insights_retention_period";
        check(v, retentionConditions.stream().anyMatch(c -> c.contains(p + " == 7") && c.contains(p + " == 731")
                && c.contains(p + " >= 31") && c.contains(p + " <= 713") && c.contains(p + " % 31 == 0")), retention,
                "performance_insights_retention_period must be validated to 7, 731 or 31-713 in steps of 31, found "
                        + retentionConditions);
        List<Block> roles = config.resources("aws_iam_role");
        check(v, roles.stream().anyMatch(role -> role.attr("assume_role_policy").map(e -> e.references().stream()
                .anyMatch(r -> trustsMonitoring(r))).orElse(false)), null,
                "no aws_iam_role trusted by monitoring.rds.amazonaws.com");
        check(v, config.resources("aws_iam_role_policy_attachment").stream().anyMatch(a -> a.attr("policy_arn")
                .map(e -> e.text().contains("AmazonRDSEnhancedMonitoringRole")).orElse(false)), null,
                "no attachment of AmazonRDSEnhancedMonitoringRole");
        return v;
    }

    private boolean trustsMonitoring(String reference) {
        Matcher m = DATA_REFERENCE.matcher(reference);
        if (!m.find() || !m.group(1).equals("aws_iam_policy_document")) {
            return false;
        }
        return config.data(m.group(1), m.group(2)).stream().flatMap(d -> d.nested("statement").stream())
                .flatMap(s -> s.nested("principals").stream())
                .anyMatch(pr -> pr.attr("identifiers").map(e -> e.literal() instanceof List<?> l
                        && l.contains("monitoring.rds.amazonaws.com")).orElse(false));
    }

    List<String> alarms() {
        List<String> v = new ArrayList<>();
        Optional<Block> primary = primaryInstance();
        List<Block> replicas = replicaInstances();
        if (primary.isEmpty() || replicas.size() != 1) {
            return List.of("alarms need one primary and one counted replica resource");
        }
        String primaryAddress = primary.get().address();
        String replicaElement = replicas.get(0).address() + "[count.index]";
        check(v, !config.resources("aws_sns_topic").isEmpty(), null, "no aws_sns_topic: the module must be able to create it");
        Optional<Expr> topic = Optional.ofNullable(config.locals().get("alarm_topic_arn"));
        check(v, topic.map(e -> e.refersTo("aws_sns_topic") && e.refersTo("var.alarm_sns_topic_arn")).orElse(false),
                null, "local.alarm_topic_arn must be the created topic or var.alarm_sns_topic_arn");

        Map<String, List<Block>> onPrimary = new LinkedHashMap<>();
        Map<String, List<Block>> onReplicas = new LinkedHashMap<>();
        for (Block alarm : config.resources("aws_cloudwatch_metric_alarm")) {
            String metric = literal(alarm, "metric_name").map(String::valueOf).orElse("?");
            check(v, literal(alarm, "namespace").map("AWS/RDS"::equals).orElse(false), alarm, "namespace must be AWS/RDS");
            check(v, alarm.attr("alarm_actions").map(e -> e.refersTo("local.alarm_topic_arn")).orElse(false), alarm,
                    "alarm_actions must notify local.alarm_topic_arn");
            Optional<Expr> dimension = alarm.attr("dimensions").flatMap(d -> d.entry("DBInstanceIdentifier"));
            boolean watchesPrimary = dimension.map(e -> e.refersTo(primaryAddress)).orElse(false)
                    && !alarm.has("count") && !alarm.has("for_each");
            boolean watchesReplicas = dimension.map(e -> e.refersTo(replicaElement)).orElse(false)
                    && alarm.attr("count").map(e -> e.text().equals("var.replica_count")).orElse(false);
            if (watchesPrimary) {
                onPrimary.computeIfAbsent(metric, k -> new ArrayList<>()).add(alarm);
            } else if (watchesReplicas) {
                onReplicas.computeIfAbsent(metric, k -> new ArrayList<>()).add(alarm);
            } else {
                v.add(alarm.where() + ": must watch " + primaryAddress + " (no count) or every replica (count = "
                        + "var.replica_count, DBInstanceIdentifier = " + replicaElement + ".identifier)");
            }
        }
        for (AlarmKind kind : ALARM_KINDS) {
            if (kind.onPrimary() && !onPrimary.containsKey(kind.metric())) {
                v.add("no " + kind.metric() + " alarm on the primary");
            }
            if (kind.onReplicas() && !onReplicas.containsKey(kind.metric())) {
                v.add("no " + kind.metric() + " alarm on every replica");
            }
            List<Block> alarms = new ArrayList<>(onPrimary.getOrDefault(kind.metric(), List.of()));
            alarms.addAll(onReplicas.getOrDefault(kind.metric(), List.of()));
            for (Block alarm : alarms) {
                check(v, literal(alarm, "comparison_operator").map(kind.comparison()::equals).orElse(false), alarm,
                        kind.metric() + ": comparison_operator must be " + kind.comparison());
                Optional<BigDecimal> threshold = alarm.attr("threshold").flatMap(config::resolve).flatMap(Expr::number);
                if (kind.threshold() != null) {
                    check(v, threshold.map(t -> t.compareTo(kind.threshold()) == 0).orElse(false), alarm,
                            kind.metric() + ": threshold must be " + kind.threshold() + " by default");
                } else if (kind.thresholdReference() != null) {
                    check(v, alarm.attr("threshold").map(e -> e.text().equals(kind.thresholdReference())).orElse(false),
                            alarm, kind.metric() + ": threshold must be " + kind.thresholdReference());
                } else {
                    check(v, threshold.map(t -> t.signum() > 0).orElse(false), alarm,
                            kind.metric() + ": threshold must be a positive default");
                }
            }
        }
        Optional<Expr> connections = Optional.ofNullable(config.locals().get("connections_alarm_threshold"));
        check(v, connections.map(e -> e.text().contains("local.max_connections * var.connections_alarm_ratio"))
                .orElse(false), null, "local.connections_alarm_threshold must be a share of local.max_connections");
        check(v, config.variableDefault("connections_alarm_ratio").flatMap(Expr::number)
                .map(n -> n.compareTo(new BigDecimal("0.8")) == 0).orElse(false), null,
                "var.connections_alarm_ratio must default to 0.8 (80% of max_connections)");
        return v;
    }

    List<String> outputs() {
        List<String> v = new ArrayList<>();
        Map<String, Block> outputs = config.outputs();
        for (String name : REQUIRED_OUTPUTS) {
            if (!outputs.containsKey(name)) {
                v.add("output " + name + " is missing");
            }
        }
        Map<String, String> sources = Map.of("db_primary_", "aws_db_instance.primary", "db_replica_1_",
                "aws_db_instance.replica[0]", "db_replica_2_", "aws_db_instance.replica[1]");
        sources.forEach((prefix, instance) -> {
            for (String suffix : List.of("address", "port", "endpoint")) {
                Block output = outputs.get(prefix + suffix);
                if (output != null) {
                    check(v, output.attr("value").map(e -> e.refersTo(instance + "." + suffix)).orElse(false), output,
                            "must be " + instance + "." + suffix);
                }
            }
        });
        Optional.ofNullable(outputs.get("use_read_replica")).ifPresent(o -> check(v, o.attr("value")
                .map(e -> e.text().equals("var.replica_count > 0")).orElse(false), o, "must be var.replica_count > 0"));
        return v;
    }

    List<String> references() {
        return ConfigRules.unresolvedReferences(config);
    }

    List<String> documentation() {
        return ConfigRules.documentation(config);
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** References of an expression, following {@code local.x} to the locals' own references. */
    Set<String> reach(Expr expr) {
        Set<String> reached = new LinkedHashSet<>();
        List<Expr> pending = new ArrayList<>(List.of(expr));
        Set<String> visitedLocals = new HashSet<>();
        while (!pending.isEmpty()) {
            Expr current = pending.remove(pending.size() - 1);
            for (String reference : current.references()) {
                reached.add(reference);
                Matcher m = NAMED_REFERENCE.matcher(reference);
                if (m.find() && m.group(1).equals("local") && visitedLocals.add(m.group(2))
                        && config.locals().containsKey(m.group(2))) {
                    pending.add(config.locals().get(m.group(2)));
                }
            }
        }
        return reached;
    }

    static Map<String, Expr> allAttributes(Block block) {
        return ConfigRules.allAttributes(block);
    }

    private static Optional<Object> literal(Block block, String attribute) {
        return block.attr(attribute).filter(Expr::isLiteral).map(Expr::literal).filter(Objects::nonNull);
    }

    private static Optional<String> value(Map<String, Block> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).flatMap(p -> literal(p, "value")).map(String::valueOf);
    }

    private static Optional<BigDecimal> decimal(Optional<String> text) {
        try {
            return text.map(BigDecimal::new);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void check(List<String> violations, boolean holds, Block where, String message) {
        if (!holds) {
            violations.add(where == null ? message : where.where() + ": " + message);
        }
    }
}
