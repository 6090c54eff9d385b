package com.muejam.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One Terraform module: the blocks of all {@code .tf} files of a directory (not its subdirectories). */
public final class TerraformConfig {

    private static final Pattern VAR = Pattern.compile("var\\.([A-Za-z0-9_]+)");
    private static final Pattern LOCAL = Pattern.compile("local\\.([A-Za-z0-9_]+)");

    private final List<Block> blocks;

    private TerraformConfig(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Reads and parses every {@code *.tf} file of {@code directory}. */
    public static TerraformConfig load(Path directory) {
        return parse(readSources(directory));
    }

    /** Parses the given files (name to text), e.g. mutated copies of a module. */
    public static TerraformConfig parse(Map<String, String> sources) {
        List<Block> blocks = new ArrayList<>();
        sources.forEach((file, text) -> blocks.addAll(HclSyntax.parseConfiguration(file, text)));
        return new TerraformConfig(blocks);
    }

    /** The {@code *.tf} files of a directory, by name. */
    public static Map<String, String> readSources(Path directory) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tf")).toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no .tf files in " + directory);
        }
        return sources;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Block> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    public List<Block> resources(String resourceType) {
        return blocks("resource").stream().filter(b -> b.label(0).equals(resourceType)).toList();
    }

    public List<Block> resources(String resourceType, Predicate<Block> filter) {
        return resources(resourceType).stream().filter(filter).toList();
    }

    public Optional<Block> resource(String resourceType, String name) {
        return resources(resourceType).stream().filter(b -> b.label(1).equals(name)).findFirst();
    }

    public Optional<Block> data(String dataType, String name) {
        return blocks("data").stream().filter(b -> b.label(0).equals(dataType) && b.label(1).equals(name)).findFirst();
    }

    public Map<String, Block> variables() {
        return byFirstLabel("variable");
    }

    public Map<String, Block> outputs() {
        return byFirstLabel("output");
    }

    public Map<String, Block> modules() {
        return byFirstLabel("module");
    }

    /** All locals of all {@code locals} blocks. */
    public Map<String, Expr> locals() {
        Map<String, Expr> locals = new LinkedHashMap<>();
        blocks("locals").forEach(b -> locals.putAll(b.attributes()));
        return locals;
    }

    /** The default of a variable, when it has a literal one. */
    public Optional<Expr> variableDefault(String name) {
        return Optional.ofNullable(variables().get(name)).flatMap(v -> v.attr("default"));
    }

    /**
     * The value an expression has with the variables at their defaults, when that is a literal reached through
     * {@code var.x} or {@code local.y} chains; empty otherwise.
     */
    public Optional<Expr> resolve(Expr expr) {
        Expr current = expr;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current.isLiteral()) {
                return Optional.of(current);
            }
            Matcher var = VAR.matcher(current.text());
            Matcher local = LOCAL.matcher(current.text());
            if (var.matches()) {
                current = variableDefault(var.group(1)).orElse(null);
            } else if (local.matches()) {
                current = locals().get(local.group(1));
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Map<String, Block> byFirstLabel(String type) {
        Map<String, Block> byName = new LinkedHashMap<>();
        blocks(type).forEach(b -> byName.put(b.label(0), b));
        return byName;
    }
}
