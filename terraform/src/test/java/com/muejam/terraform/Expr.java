package com.muejam.terraform;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An attribute's expression: its text rendered back from the syntax tree (normalised spacing, e.g.
 * {@code aws_db_instance.replica[count.index].identifier}), the literal value when it is one, the entries when it is
 * an object literal, and every reference ({@code var.x}, {@code local.y}, {@code aws_type.name[...].attr}) inside it.
 *
 * @param text       normalised source text
 * @param literal    Boolean, BigDecimal, String, null or a List of those; meaningful only when {@code isLiteral}
 * @param isLiteral  whether the expression is a plain literal
 * @param entries    attributes of an object literal ({@code { k = v }}), otherwise empty
 * @param references traversals the expression reads, rendered like {@code text}
 */
public record Expr(String text, Object literal, boolean isLiteral, Map<String, Expr> entries, Set<String> references) {

    public boolean isTrue() {
        return isLiteral && Boolean.TRUE.equals(literal);
    }

    public boolean isFalse() {
        return isLiteral && Boolean.FALSE.equals(literal);
    }

    /** Whether some reference starts with the given traversal, e.g. {@code aws_db_instance.primary}. */
    public boolean refersTo(String traversal) {
        return references.stream().anyMatch(r -> r.equals(traversal) || r.startsWith(traversal + ".")
                || r.startsWith(traversal + "["));
    }

    public Optional<Expr> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The literal as a number, if it is one. */
    public Optional<BigDecimal> number() {
        return isLiteral && literal instanceof BigDecimal n ? Optional.of(n) : Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
