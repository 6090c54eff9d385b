package com.muejam.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the root module wires {@code modules/rds}: arguments the module declares, every required one passed,
 * outputs passed through, an example tfvars without secrets, and a README that maps outputs to the application's
 * environment variables.
 */
public final class RootModuleChecker {

    /** Application environment variable to the output it comes from (DB_USER/DB_PASSWORD: keys of the secret). */
    public static final Map<String, String> ENVIRONMENT = environment();

    private static final Set<String> META_ARGUMENTS = Set.of("source", "version", "providers", "count", "for_each",
            "depends_on");

    private final TerraformConfig root;
    private final TerraformConfig module;
    private final Map<String, Expr> exampleVariables;
    private final String moduleReadme;

    public RootModuleChecker(TerraformConfig root, TerraformConfig module, Map<String, Expr> exampleVariables,
            String moduleReadme) {
        this.root = root;
        this.module = module;
        this.exampleVariables = exampleVariables;
        this.moduleReadme = moduleReadme;
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
        Block rds = call.get();
        if (!rds.attr("source").map(e -> "./modules/rds".equals(e.literal())).orElse(false)) {
            v.add(rds.where() + ": source must be \"./modules/rds\"");
        }
        Map<String, Block> declared = module.variables();
        for (String argument : rds.attributes().keySet()) {
            if (!META_ARGUMENTS.contains(argument) && !declared.containsKey(argument)) {
                v.add(rds.where() + ": argument " + argument + " is not a variable of modules/rds");
            }
        }
        declared.forEach((name, variable) -> {
            if (!variable.has("default") && !rds.has(name)) {
                v.add(rds.where() + ": required variable " + name + " of modules/rds is not passed");
            }
        });
        Block password = root.variables().get("master_password");
        if (password == null || !password.attr("sensitive").map(Expr::isTrue).orElse(false)
                || !password.attr("ephemeral").map(Expr::isTrue).orElse(false)) {
            v.add("root variable master_password must exist and be sensitive and ephemeral");
        }
        return v;
    }

    List<String> outputs() {
        List<String> v = new ArrayList<>();
        Map<String, Block> outputs = root.outputs();
        for (String name : RdsModuleChecker.REQUIRED_OUTPUTS) {
            Block output = outputs.get(name);
            if (output == null) {
                v.add("root output " + name + " is missing");
            } else if (!output.attr("value").map(e -> e.text().equals("module.rds." + name)).orElse(false)) {
                v.add(output.where() + ": must be module.rds." + name);
            }
        }
        for (Block output : outputs.values()) {
            output.attr("value").ifPresent(e -> e.references().stream().filter(r -> r.startsWith("module.rds."))
                    .map(r -> r.substring("module.rds.".length()).split("[.\\[]")[0])
                    .filter(name -> !module.outputs().containsKey(name))
                    .forEach(name -> v.add(output.where() + ": modules/rds has no output " + name)));
        }
        return v;
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
        return v;
    }

    List<String> hygiene() {
        List<String> v = new ArrayList<>(ConfigRules.unresolvedReferences(root));
        v.addAll(ConfigRules.documentation(root));
        return v;
    }
}
