package com.muejam.terraform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block of a Terraform file ({@code resource "aws_db_instance" "primary" { ... }}, or a nested one such as
 * {@code lifecycle} or {@code parameter}).
 *
 * @param type       block type: resource, variable, output, parameter, lifecycle...
 * @param labels     the quoted labels after the type
 * @param attributes attributes in source order
 * @param blocks     nested blocks in source order
 * @param file       file name the block comes from
 * @param line       1-based line of the block's first line
 */
public record Block(String type, List<String> labels, Map<String, Expr> attributes, List<Block> blocks, String file,
        int line) {

    public String label(int index) {
        return index < labels.size() ? labels.get(index) : "";
    }

    /** Terraform address: {@code aws_db_instance.primary}, {@code var.x}, {@code output.y}, {@code data.t.n}. */
    public String address() {
        return switch (type) {
            case "resource" -> label(0) + "." + label(1);
            case "data" -> "data." + label(0) + "." + label(1);
            case "ephemeral" -> "ephemeral." + label(0) + "." + label(1);
            case "variable" -> "var." + label(0);
            case "module" -> "module." + label(0);
            default -> labels.isEmpty() ? type : type + "." + String.join(".", labels);
        };
    }

    /** {@code file:line address}, for messages. */
    public String where() {
        return file + ":" + line + " " + address();
    }

    public Optional<Expr> attr(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    public List<Block> nested(String blockType) {
        return blocks.stream().filter(b -> b.type.equals(blockType)).toList();
    }
}
