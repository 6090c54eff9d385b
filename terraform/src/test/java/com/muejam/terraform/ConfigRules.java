package com.muejam.terraform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules any of the project's Terraform modules must follow: what {@code terraform validate} would partly catch. */
final class ConfigRules {

    static final Pattern NAMED_REFERENCE = Pattern.compile("^(var|local|module)\\.([A-Za-z0-9_-]+)");
    static final Pattern DATA_REFERENCE = Pattern.compile("^data\\.([a-z0-9_]+)\\.([A-Za-z0-9_-]+)");
    static final Pattern EPHEMERAL_REFERENCE = Pattern.compile("^ephemeral\\.([a-z0-9_]+)\\.([A-Za-z0-9_-]+)");
    static final Pattern RESOURCE_REFERENCE =
            Pattern.compile("^([a-z0-9]+_[a-z0-9_]+)(?:\\[[^\\]]*\\])?\\.([A-Za-z0-9_-]+)");

    private ConfigRules() {
    }

    /** References to variables, locals, modules, data sources or resources the configuration does not declare. */
    static List<String> unresolvedReferences(TerraformConfig config) {
        List<String> v = new ArrayList<>();
        Set<String> resources = new HashSet<>();
        config.blocks("resource").forEach(b -> resources.add(b.label(0) + "." + b.label(1)));
        for (Block block : config.blocks()) {
            for (Map.Entry<String, Expr> attribute : allAttributes(block).entrySet()) {
                for (String reference : attribute.getValue().references()) {
                    String problem = unresolved(config, reference, resources);
                    if (problem != null) {
                        v.add(block.where() + ": " + attribute.getKey() + " refers to " + problem);
                    }
                }
            }
        }
        return v;
    }

    private static String unresolved(TerraformConfig config, String reference, Set<String> resources) {
        Matcher named = NAMED_REFERENCE.matcher(reference);
        if (named.find()) {
            Set<String> declared = switch (named.group(1)) {
                case "var" -> config.variables().keySet();
                case "local" -> config.locals().keySet();
                default -> config.modules().keySet();
            };
            return declared.contains(named.group(2)) ? null : "undeclared " + named.group(0);
        }
        Matcher data = DATA_REFERENCE.matcher(reference);
        if (data.find()) {
            return config.data(data.group(1), data.group(2)).isPresent() ? null : "undeclared " + data.group(0);
        }
        Matcher ephemeral = EPHEMERAL_REFERENCE.matcher(reference);
        if (ephemeral.find()) {
            boolean declared = config.blocks("ephemeral").stream()
                    .anyMatch(b -> b.label(0).equals(ephemeral.group(1)) && b.label(1).equals(ephemeral.group(2)));
            return declared ? null : "undeclared " + ephemeral.group(0);
        }
        Matcher resource = RESOURCE_REFERENCE.matcher(reference);
        if (resource.find()) {
            String address = resource.group(1) + "." + resource.group(2);
            return resources.contains(address) ? null : "undeclared resource " + address;
        }
        return null; // count.index, each.value, path.module, iterator variables of for expressions
    }

    /** Variables need a description and a type and must be used; outputs need a description. */
    static List<String> documentation(TerraformConfig config) {
        List<String> v = new ArrayList<>();
        Set<String> used = new HashSet<>();
        config.blocks().forEach(b -> allAttributes(b).values().forEach(e -> e.references().forEach(r -> {
            Matcher m = NAMED_REFERENCE.matcher(r);
            if (m.find() && m.group(1).equals("var")) {
                used.add(m.group(2));
            }
        })));
        for (Block variable : config.variables().values()) {
            if (!variable.has("description") || !variable.has("type")) {
                v.add(variable.where() + ": needs a description and a type");
            }
            if (!used.contains(variable.label(0))) {
                v.add(variable.where() + ": is declared but never used");
            }
        }
        for (Block output : config.outputs().values()) {
            if (!output.has("description")) {
                v.add(output.where() + ": needs a description");
            }
        }
        return v;
    }

    /** Attributes of a block and its nested blocks, keyed by path ({@code lifecycle.precondition.condition}). */
    static Map<String, Expr> allAttributes(Block block) {
        Map<String, Expr> all = new LinkedHashMap<>(block.attributes());
        for (Block nested : block.blocks()) {
            allAttributes(nested).forEach((name, expr) -> all.put(nested.type() + "." + name, expr));
        }
        return all;
    }
}
