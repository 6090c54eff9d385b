package com.muejam.tools.plans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.muejam.infrastructure.persistence.HotQuery;

/**
 * The plan PostgreSQL chooses for a {@link HotQuery} with bound values: {@code EXPLAIN (FORMAT JSON)} of the
 * catalogue's SQL, parsed. Lists the indexes used (scans and ON CONFLICT arbiters) and the tables read by
 * sequential scan.
 */
public record Plan(HotQuery query, JsonNode json, Set<String> indexes, Set<String> seqScans, double totalCost) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Plan explain(Connection connection, HotQuery q, Map<String, Object> values) throws SQLException {
        return explain(connection, q, values, "EXPLAIN (FORMAT JSON) ");
    }

    /** With {@code prefix} such as {@code "EXPLAIN (ANALYZE, FORMAT JSON) "}. */
    public static Plan explain(Connection connection, HotQuery q, Map<String, Object> values, String prefix)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(prefix + q.sql())) {
            bind(ps, q, values);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                JsonNode root = JSON.readTree(rs.getString(1)).get(0);
                Set<String> indexes = new LinkedHashSet<>();
                Set<String> seq = new LinkedHashSet<>();
                walk(root.get("Plan"), indexes, seq);
                return new Plan(q, root, indexes, seq, root.get("Plan").get("Total Cost").asDouble());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Binds the named values of {@code q} positionally (enums by name). */
    public static void bind(PreparedStatement ps, HotQuery q, Map<String, Object> values) throws SQLException {
        Object[] positional = q.bind(values);
        for (int i = 0; i < positional.length; i++) {
            Object v = positional[i];
            ps.setObject(i + 1, v instanceof Enum<?> e ? e.name() : v);
        }
    }

    private static void walk(JsonNode node, Set<String> indexes, Set<String> seq) {
        if (node.has("Index Name")) {
            indexes.add(node.get("Index Name").asText());
        }
        if (node.has("Conflict Arbiter Indexes")) {
            node.get("Conflict Arbiter Indexes").forEach(n -> indexes.add(n.asText()));
        }
        if ("Seq Scan".equals(node.path("Node Type").asText())) {
            seq.add(node.path("Relation Name").asText());
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> walk(child, indexes, seq));
        }
    }

    /** One line: node types and the relation or index each reads, outermost first. */
    public String shape() {
        List<String> parts = new ArrayList<>();
        shape(json.get("Plan"), parts);
        return String.join(" > ", parts);
    }

    private static void shape(JsonNode node, List<String> parts) {
        String type = node.path("Node Type").asText();
        if (type.equals("ModifyTable") && node.has("Conflict Arbiter Indexes")) {
            parts.add(node.path("Operation").asText() + " on conflict " + node.get("Conflict Arbiter Indexes")
                    .get(0).asText());
        } else if (node.has("Index Name")) {
            parts.add(type + " " + node.get("Index Name").asText());
        } else if (node.has("Relation Name") && !type.equals("ModifyTable")) {
            parts.add(type + " " + node.get("Relation Name").asText());
        } else if (!type.equals("Limit") && !type.equals("Result") && !type.equals("ModifyTable")) {
            parts.add(type);
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> shape(child, parts));
        }
    }
}
