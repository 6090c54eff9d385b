package com.muejam.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the root module wires {@code modules/rds} and {@code modules/elasticache}: arguments each module declares,
 * every required one passed, the cache sharing the database's KMS key, alarm topic and application security groups,
 * outputs passed through, an example tfvars without secrets, and READMEs that map outputs to the application's
 * environment variables.
 */
public final class RootModuleChecker {

    /** Application environment variable to the output it comes from (DB_USER/DB_PASSWORD: keys of the secret). */
    public static final Map<String, String> ENVIRONMENT = environment();

    private static final Set<String> META_ARGUMENTS = Set.of("source", "version", "providers", "count", "for_each",
            "depends_on");

    /** Cache outputs the root passes through, by root output name. */
    public static final Map<String, String> CACHE_OUTPUTS = Map.of("valkey_url", "valkey_url",
            "cache_auth_token_secret_arn", "auth_token_secret_arn", "cache_primary_endpoint_address",
            "primary_endpoint_address", "cache_reader_endpoint_address", "reader_endpoint_address",
            "cache_security_group_id", "security_group_id");

    private final TerraformConfig root;
    private final TerraformConfig module;
    private final TerraformConfig cacheModule;
    private final Map<String, Expr> exampleVariables;
    private final String moduleReadme;
    private final String cacheReadme;

    public RootModuleChecker(TerraformConfig root, TerraformConfig module, TerraformConfig cacheModule,
            Map<String, Expr> exampleVariables, String moduleReadme, String cacheReadme) {
        this.root = root;
        this.module = module;
        this.cacheModule = cacheModule;
        this.exampleVariables = exampleVariables;
        this.moduleReadme = moduleReadme;
        this.cacheReadme = cacheReadme;
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DB_HOST", "db_primary_address");
        environment.put("DB_PORT", "db_primary_port");
        environment.put("DB_NAME", "db_name");
        environment.put("DB_READ_HOST", "db_replica_1_address");
        environment.put("DB_READ_PORT", "db_replica_1_port");
        environment.put("DB_READ_HOST_2", "db_replica_2_address");
        environment.put("DB_READ_PORT_2", "db_replica_2_port");
        environment.put("USE_READ_REPLICA", "use_read_replica");
        environment.put("DB_USER", "master_user_secret_arn");
        environment.put("DB_PASSWORD", "master_user_secret_arn");
        return Map.copyOf(environment);
    }

    public Map<String, Supplier<List<String>>> rules() {
        Map<String, Supplier<List<String>>> rules = new LinkedHashMap<>();
        rules.put("the root module calls ./modules/rds with arguments it declares", this::moduleCall);
        rules.put("the root module calls ./modules/elasticache with the database's key, topic and app groups",
                this::cacheCall);
        rules.put("the root module passes the module's outputs through", this::outputs);
        rules.put("the aws provider takes its region from a variable", this::provider);
        rules.put("terraform.tfvars.example sets known variables and no password", this::example);
        rules.put("the module README maps every output to the application's variable", this::readme);
        rules.put("every root reference resolves and every variable is documented", this::hygiene);
        return rules;
    }

    public List<String> violations() {
        List<String> all = new ArrayList<>();
        rules().values().forEach(rule -> all.addAll(rule.get()));
        return all;
    }

    private Optional<Block> rdsCall() {
        return Optional.ofNullable(root.modules().get("rds"));
    }

    List<String> moduleCall() {
        List<String> v = new ArrayList<>();
        Optional<Block> call = rdsCall();
        if (call.isEmpty()) {
            return List.of("no module \"rds\" in the root module");
        }
        v.addAll(callOf(call.get(), "modules/rds", module));
        Block password = root.variables().get("master_password");
        if (password == null || !password.attr("sensitive").map(Expr::isTrue).orElse(false)
                || !password.attr("ephemeral").map(Expr::isTrue).orElse(false)) {
            v.add("root variable master_password must exist and be sensitive and ephemeral");
        }
        return v;
    }

    private static List<String> callOf(Block call, String path, TerraformConfig called) {
        List<String> v = new ArrayList<>();
        if (!call.attr("source").map(e -> ("./" + path).equals(e.literal())).orElse(false)) {
            v.add(call.where() + ": source must be \"./" + path + "\"");
        }
        Map<String, Block> declared = called.variables();
        for (String argument : call.attributes().keySet()) {
            if (!META_ARGUMENTS.contains(argument) && !declared.containsKey(argument)) {
                v.add(call.where() + ": argument " + argument + " is not a variable of " + path);
            }
        }
        declared.forEach((name, variable) -> {
            if (!variable.has("default") && !call.has(name)) {
                v.add(call.where() + ": required variable " + name + " of " + path + " is not passed");
            }
        });
        return v;
    }

    List<String> cacheCall() {
        Block cache = root.modules().get("elasticache");
        if (cache == null) {
            return List.of("no module \"elasticache\" in the root module");
        }
        List<String> v = new ArrayList<>(callOf(cache, "modules/elasticache", cacheModule));
        Map<String, String> wiring = Map.of("kms_key_arn", "module.rds.kms_key_arn", "alarm_sns_topic_arn",
                "module.rds.alarm_sns_topic_arn", "allowed_security_group_ids", "var.allowed_security_group_ids",
                "subnet_ids", "var.subnet_ids", "vpc_id", "var.vpc_id");
        wiring.forEach((argument, value) -> {
            if (!cache.attr(argument).map(e -> e.text().equals(value)).orElse(false)) {
                v.add(cache.where() + ": " + argument + " must be " + value);
            }
        });
        return v;
    }

    List<String> outputs() {
        List<String> v = new ArrayList<>();
        Map<String, Block> outputs = root.outputs();
        for (String name : RdsModuleChecker.REQUIRED_OUTPUTS) {
            Block output = outputs.get(name);
            if (output == null) {
                v.add("root output " + name + " is missing");
            } else if (!name.equals("application_environment")
                    && !output.attr("value").map(e -> e.text().equals("module.rds." + name)).orElse(false)) {
                v.add(output.where() + ": must be module.rds." + name);
            }
        }
        CACHE_OUTPUTS.forEach((name, cacheOutput) -> {
            Block output = outputs.get(name);
            if (output == null) {
                v.add("root output " + name + " is missing");
            } else if (!output.attr("value").map(e -> e.text().equals("module.elasticache." + cacheOutput)).orElse(false)) {
                v.add(output.where() + ": must be module.elasticache." + cacheOutput);
            }
        });
        Block environment = outputs.get("application_environment");
        if (environment != null && !environment.attr("value").map(e -> e.refersTo("module.rds.application_environment")
                && e.refersTo("module.elasticache.application_environment")).orElse(false)) {
            v.add(environment.where() + ": must merge the application_environment of modules/rds and modules/elasticache");
        }
        for (Block output : outputs.values()) {
            output.attr("value").ifPresent(e -> {
                unknownOutputs(e, "module.rds.", module).forEach(n -> v.add(output.where() + ": modules/rds has no output " + n));
                unknownOutputs(e, "module.elasticache.", cacheModule)
                        .forEach(n -> v.add(output.where() + ": modules/elasticache has no output " + n));
            });
        }
        return v;
    }

    private static List<String> unknownOutputs(Expr e, String prefix, TerraformConfig called) {
        return e.references().stream().filter(r -> r.startsWith(prefix))
                .map(r -> r.substring(prefix.length()).split("[.\\[]")[0])
                .filter(name -> !called.outputs().containsKey(name)).toList();
    }

    List<String> provider() {
        boolean ok = root.blocks("provider").stream().anyMatch(p -> p.label(0).equals("aws")
                && p.attr("region").map(e -> e.text().equals("var.aws_region")).orElse(false));
        return ok ? List.of() : List.of("provider \"aws\" must set region = var.aws_region");
    }

    List<String> example() {
        List<String> v = new ArrayList<>();
        Map<String, Block> variables = root.variables();
        for (String name : exampleVariables.keySet()) {
            if (!variables.containsKey(name)) {
                v.add("terraform.tfvars.example sets unknown variable " + name);
            }
        }
        if (exampleVariables.containsKey("master_password")) {
            v.add("terraform.tfvars.example must not carry master_password (pass TF_VAR_master_password)");
        }
        variables.forEach((name, variable) -> {
            if (!variable.has("default") && !exampleVariables.containsKey(name)) {
                v.add("terraform.tfvars.example leaves required variable " + name + " unset");
            }
        });
        return v;
    }

    List<String> readme() {
        List<String> v = new ArrayList<>();
        List<String> rows = moduleReadme.lines().filter(l -> l.startsWith("|")).toList();
        ENVIRONMENT.forEach((variable, output) -> {
            boolean mapped = rows.stream().anyMatch(r -> r.contains("`" + variable + "`") && r.contains("`" + output + "`"));
            if (!mapped) {
                v.add("modules/rds/README.md has no table row mapping `" + output + "` to `" + variable + "`");
            }
        });
        boolean cacheMapped = cacheReadme.lines().filter(l -> l.startsWith("|"))
                .anyMatch(r -> r.contains("`VALKEY_URL`") && r.contains("`valkey_url`") && r.contains("`auth_token_secret_arn`"));
        if (!cacheMapped) {
            v.add("modules/elasticache/README.md has no table row mapping `valkey_url` and `auth_token_secret_arn` to `VALKEY_URL`");
        }
        return v;
    }

    List<String> hygiene() {
        List<String> v = new ArrayList<>(ConfigRules.unresolvedReferences(root));
        v.addAll(ConfigRules.documentation(root));
        return v;
    }
}
