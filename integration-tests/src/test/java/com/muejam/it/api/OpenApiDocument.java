package com.muejam.it.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The served OpenAPI document (its JSON form) as plain maps and lists, with the look-ups the API tests need. */
public final class OpenApiDocument {

    static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Map<String, Object> root;

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static OpenApiDocument parseJson(String json) {
        try {
            return new OpenApiDocument(new ObjectMapper().readValue(json, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    public static OpenApiDocument of(Map<String, Object> root) {
        return new OpenApiDocument(root);
    }

    public Map<String, Object> root() {
        return root;
    }

    /** {@code "POST /api/stories"}, … : every operation of every path. */
    public Set<String> operations() {
        Set<String> result = new TreeSet<>();
        paths().forEach((path, item) -> map(item).keySet().stream().filter(VERBS::contains)
                .forEach(verb -> result.add(verb.toUpperCase() + " " + path)));
        return result;
    }

    public Map<String, Object> paths() {
        return map(root.getOrDefault("paths", Map.of()));
    }

    /** The operation object of {@code verb} (lower case) on {@code path}. */
    public Map<String, Object> operation(String path, String verb) {
        return map(map(paths().get(path)).get(verb));
    }

    /** Path-level and operation-level parameters of an operation. */
    public List<Map<String, Object>> parameters(String path, String verb) {
        List<Map<String, Object>> result = new java.util.ArrayList<>();
        for (Object p : list(map(paths().get(path)).get("parameters"))) {
            result.add(resolve(map(p)));
        }
        for (Object p : list(operation(path, verb).get("parameters"))) {
            result.add(resolve(map(p)));
        }
        return result;
    }

    /** The JSON request body schema of an operation (references resolved), or null when it takes none. */
    public Map<String, Object> jsonRequestSchema(String path, String verb) {
        Object body = operation(path, verb).get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> content = map(resolve(map(body)).get("content"));
        Object media = content.get("application/json");
        if (media == null && !content.isEmpty()) {
            media = content.values().iterator().next();
        }
        return media == null ? Map.of() : resolve(map(map(media).get("schema")));
    }

    /** Follows {@code $ref: "#/components/..."}; also the single element of an {@code allOf}. */
    public Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> n = node;
        for (int i = 0; i < 20 && n != null; i++) {
            Object ref = n.get("$ref");
            if (ref instanceof String s && s.startsWith("#/")) {
                Object target = root;
                for (String part : s.substring(2).split("/")) {
                    target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
                }
                n = map(target);
                continue;
            }
            if (n.get("allOf") instanceof List<?> all && all.size() == 1 && n.get("properties") == null) {
                n = map(all.get(0));
                continue;
            }
            return n;
        }
        return n;
    }

    /** The JSON type of a schema ("string", "integer"…; OpenAPI 3.1 type lists without "null"), or null. */
    public String type(Map<String, Object> schema) {
        Object t = resolve(schema).get("type");
        if (t instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(x -> !"null".equals(x)).findFirst().orElse(null);
        }
        return t == null ? null : t.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? List.copyOf(l) : List.of();
    }
}
