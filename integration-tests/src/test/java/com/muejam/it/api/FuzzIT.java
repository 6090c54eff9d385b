package com.muejam.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;

/**
 * Hostile input against every write operation (POST, PUT, PATCH, DELETE) the served OpenAPI document lists, so
 * endpoints added later are covered without touching this test: malformed and empty bodies, non-object JSON, deep
 * nesting, each request-schema property with values of every wrong JSON type, 1 MB strings, SQL metacharacters,
 * NUL and unusual Unicode, absurd numbers; absurd and hostile values in each path and query parameter (and the
 * ids of a real story and user); unknown fields; a wrong content type — each without and with a valid bearer
 * token.
 * <p>
 * Asserted: no response is a 5xx; every 4xx is {@code application/problem+json}; and no row of any application
 * table changed (fingerprints taken after the test's own users and story exist), except the tables that
 * legitimately record attempts: {@code login_attempts} and {@code rate_limit_entries}.
 * <p>
 * Every request carries a defect. The body mutations send the mutated property alone (the other properties are
 * absent, so a required sibling is missing), and parameter mutations send an empty object as body. A 429 from the
 * write rate limit is an acceptable 4xx; the summary line of each operation shows how many there were.
 */
class FuzzIT extends DeployedEarTest {

    /** Tables written by rejected requests on purpose (attempt accounting): excluded from the comparison. */
    static final Set<String> ACCOUNTING = Set.of("login_attempts", "rate_limit_entries");
    static final Set<String> WRITE_VERBS = Set.of("post", "put", "patch", "delete");
    static final int MEGABYTE = 1 << 20;

    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR 1=1 --",
            "\"; DROP TABLE stories; --",
            "'); DELETE FROM user_profiles; --",
            "%00",
            "nul\u0000byte",
            "\u202Eevil\u202C \uD83D\uDE00 Ω≈ç√∫ \u0301\u0301 \uFEFF",
            "${jndi:ldap://x/y} {{7*7}} <script>alert(1)</script>");
    static final List<String> ABSURD_NUMBERS = List.of("-1", "0", String.valueOf(Long.MAX_VALUE),
            String.valueOf(Long.MIN_VALUE), "1000000000000000000000000000000", "-1000000000000000000000000000000",
            "1.5", "1e400");
    static final List<String> ABSURD_PARAMETERS = List.of("-1", "0", String.valueOf(Long.MAX_VALUE),
            "1000000000000000000000000000000", "abc", "1.5", "' OR 1=1 --", "\"; DROP TABLE stories; --", "%00",
            "\u202E\uD83D\uDE00Ω");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request to send: the path with its parameters filled in, a body (null: none) and its content type. */
    record Probe(String label, String path, String query, String body, String contentType) {
    }

    @Test
    void everyWriteOperationRejectsHostileInputWithoutSideEffects() {
        AppClient.User fuzzer = app.signUp("fuzz");
        AppClient.User owner = app.signUp("fuzzowner");
        long storyId = createStory(app, owner);

        OpenApiDocument doc = OpenApiDocument.parseJson(app.get("openapi?format=JSON").body());
        List<String[]> writes = new ArrayList<>();
        for (String op : doc.operations()) {
            String verb = op.substring(0, op.indexOf(' ')).toLowerCase();
            if (WRITE_VERBS.contains(verb)) {
                writes.add(new String[] {verb, op.substring(op.indexOf(' ') + 1)});
            }
        }
        assertThat(writes).as("write operations in the OpenAPI document").isNotEmpty();

        List<String> tables = applicationTables();
        Map<String, String> before = TestDatabase.fingerprint(tables);

        List<String> failures = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int total = 0;
        long started = System.nanoTime();
        for (String[] w : writes) {
            String verb = w[0];
            String path = w[1];
            List<Probe> probes = probes(doc, verb, path, storyId, owner);
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Probe p : probes) {
                for (String[] auth : List.of(new String[0], fuzzer.auth())) {
                    HttpResponse<String> r = send(verb, p, auth);
                    total++;
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    String what = verb.toUpperCase() + " " + p.path() + p.query() + " [" + p.label() + "]"
                            + (auth.length == 0 ? " anonymous" : " signed in");
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (r.statusCode() >= 500) {
                        failures.add(what + " -> " + r.statusCode() + " " + abbreviate(r.body()));
                    } else if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                        failures.add(what + " -> " + r.statusCode() + " with Content-Type '" + type + "' " + abbreviate(r.body()));
                    } else if (r.statusCode() < 400) {
                        accepted.add(what + " -> " + r.statusCode() + " " + abbreviate(r.body()));
                    }
                }
            }
            System.out.printf("FUZZ %-6s %-40s %4d requests, statuses %s%n", verb.toUpperCase(), path,
                    probes.size() * 2, statuses);
        }
        System.out.printf("FUZZ total %d requests to %d write operations in %d s%n", total, writes.size(),
                (System.nanoTime() - started) / 1_000_000_000L);

        Map<String, String> after = TestDatabase.fingerprint(tables);
        assertThat(failures).as("5xx or 4xx without problem+json (%d of %d)", failures.size(), total).isEmpty();
        assertThat(after).as("rows changed by fuzz input; requests answered below 400: %s", accepted).isEqualTo(before);
        assertThat(accepted).as("fuzz requests answered below 400").isEmpty();
    }

    /** Every request of one operation. */
    static List<Probe> probes(OpenApiDocument doc, String verb, String path, long storyId, AppClient.User owner) {
        List<Probe> probes = new ArrayList<>();
        Map<String, Object> schema = doc.jsonRequestSchema(path, verb);
        boolean hasBody = schema != null;
        Map<String, String> existing = new LinkedHashMap<>();
        List<Map<String, Object>> queryParameters = new ArrayList<>();
        for (Map<String, Object> p : doc.parameters(path, verb)) {
            String name = String.valueOf(p.get("name"));
            if ("path".equals(p.get("in"))) {
                existing.put(name, existingValue(doc, p, storyId, owner));
            } else if ("query".equals(p.get("in"))) {
                queryParameters.add(p);
            }
        }
        String filled = fill(path, existing);
        String defaultBody = hasBody ? "{}" : null;

        // path parameters: absurd and hostile values, one parameter at a time
        for (String name : existing.keySet()) {
            for (String value : ABSURD_PARAMETERS) {
                Map<String, String> values = new LinkedHashMap<>(existing);
                values.put(name, value);
                probes.add(new Probe("path " + name + "=" + abbreviate(value), fill(path, values), "", defaultBody, json()));
            }
        }
        // query parameters (page sizes, cursors, ids…), with the path's real ids
        for (Map<String, Object> q : queryParameters) {
            String name = String.valueOf(q.get("name"));
            for (String value : ABSURD_PARAMETERS) {
                probes.add(new Probe("query " + name + "=" + abbreviate(value), filled,
                        "?" + name + "=" + encode(value), defaultBody, json()));
            }
        }
        if (!hasBody) {
            // nothing else to vary: with real ids and no body the request may be valid (a like, a logout)
            return probes;
        }

        // whole bodies
        boolean required = !OpenApiDocument.list(schema.get("required")).isEmpty();
        for (String body : List.of("{", "{\"a\":", "[1,2", "not json", "{\"a\" 1}", "{'a':'b'}", "\u0000", "",
                "null", "[]", "[{}]", "42", "\"text\"", "true", "{\"a\":1}}")) {
            probes.add(new Probe("body " + abbreviate(body), filled, "", body, json()));
        }
        probes.add(new Probe("body nested 5000 deep", filled, "", "[".repeat(5000) + "]".repeat(5000), json()));
        probes.add(new Probe("body nested objects 5000 deep", filled, "",
                "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), json()));
        probes.add(new Probe("no body", filled, "", null, json()));
        probes.add(new Probe("text/plain body", filled, "", "{}", "text/plain"));
        probes.add(new Probe("xml body", filled, "", "<a/>", "application/xml"));
        if (required) {
            probes.add(new Probe("body {}", filled, "", "{}", json()));
            StringBuilder unknown = new StringBuilder("{");
            for (String field : List.of("unknownField", "__proto__", "constructor", "role", "isAdmin", "id", "userId")) {
                if (!properties(doc, schema).containsKey(field)) {
                    unknown.append(unknown.length() > 1 ? "," : "").append(quote(field)).append(":")
                            .append(field.equals("__proto__") ? "{\"admin\":true}" : field.equals("role") ? "\"moderator\"" : "1");
                }
            }
            probes.add(new Probe("unknown fields only", filled, "", unknown.append("}").toString(), json()));
            probes.add(new Probe("1 MB unknown field", filled, "", "{\"junk\":\"" + "x".repeat(MEGABYTE) + "\"}", json()));
        }

        // each property alone, with wrong types and hostile values
        for (Map.Entry<String, Map<String, Object>> e : properties(doc, schema).entrySet()) {
            String name = e.getKey();
            String type = doc.type(e.getValue());
            List<String> values = new ArrayList<>();
            switch (type == null ? "" : type) {
                case "string" -> {
                    values.addAll(List.of("12345", "true", "{}", "[]", "{\"$gt\":\"\"}"));
                    values.add(quote("a".repeat(MEGABYTE)));
                    HOSTILE_STRINGS.forEach(s -> values.add(quote(s)));
                    values.add("\"\\ud800\""); // a lone surrogate
                }
                case "integer", "number" -> {
                    values.addAll(List.of("\"abc\"", "true", "{}", "[]", "\"\""));
                    values.addAll(ABSURD_NUMBERS);
                    values.add(quote("' OR 1=1 --"));
                }
                case "boolean" -> values.addAll(List.of("\"yes\"", "2", "{}", "[]", quote("' OR 1=1 --")));
                case "array" -> values.addAll(List.of("\"x\"", "1", "{}", "[" + "1,".repeat(100_000) + "1]"));
                default -> values.addAll(List.of("\"x\"", "1", "[]", "true"));
            }
            if (!required) {
                continue; // every property alone could be a valid request: nothing guarantees a defect
            }
            // Alone, a property is a defect only if another property is required. If it is the only required one,
            // a well-typed ordinary text (SQL metacharacters, unusual Unicode) is valid content, not a defect: keep
            // only the values that are defects by themselves (wrong type, 1 MB, NUL, a lone surrogate).
            boolean siblingRequired = OpenApiDocument.list(schema.get("required")).stream().anyMatch(r -> !name.equals(r));
            if (!siblingRequired) {
                values.removeIf(v -> v.startsWith("\"") && v.length() < 1000 && !v.contains("\\u0000")
                        && !v.contains("\u0000") && !v.contains("\\ud800"));
            }
            for (String v : values) {
                probes.add(new Probe(name + "=" + abbreviate(v), filled, "", "{" + quote(name) + ":" + v + "}", json()));
            }
        }
        return probes;
    }

    /** The schema's properties, each resolved. */
    static Map<String, Map<String, Object>> properties(OpenApiDocument doc, Map<String, Object> schema) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        OpenApiDocument.map(schema.get("properties")).forEach((k, v) -> result.put(k, doc.resolve(OpenApiDocument.map(v))));
        return result;
    }

    /** A value that exists for a path parameter: the owner's story for numeric ids, the owner for user ids and names. */
    static String existingValue(OpenApiDocument doc, Map<String, Object> parameter, long storyId, AppClient.User owner) {
        String name = String.valueOf(parameter.get("name")).toLowerCase();
        String type = doc.type(OpenApiDocument.map(parameter.get("schema")));
        boolean user = name.contains("user") || name.contains("author") || name.contains("profile")
                || name.contains("follow") || name.contains("block") || name.contains("recipient");
        if ("integer".equals(type) || "number".equals(type)) {
            return String.valueOf(user ? owner.id() : storyId);
        }
        return user || name.contains("name") ? owner.username() : String.valueOf(storyId);
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.getOrDefault(m.group(1), "1");
            m.appendReplacement(out, Matcher.quoteReplacement(v.equals("%00") ? v : encode(v).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private HttpResponse<String> send(String verb, Probe p, String[] headers) {
        String uri = base.toString().replaceAll("/+$", "") + p.path() + p.query();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpRequest.BodyPublisher body = p.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(p.body());
        if (p.body() != null) {
            b.header("Content-Type", p.contentType());
        }
        try {
            return http.send(b.method(verb.toUpperCase(), body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(verb + " " + uri + " [" + p.label() + "]", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A story by {@code owner} (so real ids fill path parameters); {@code authorId} in the body as today. */
    private static long createStory(AppClient app, AppClient.User owner) {
        HttpResponse<String> r = app.post("api/stories", "{\"authorId\":" + owner.id()
                + ",\"title\":\"fuzz target\",\"body\":\"a story the fuzzer must not change\"}", owner.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return AppClient.id(r.body());
    }

    /** Every table of the application's schema, apart from Liquibase's own and the accounting tables. */
    static List<String> applicationTables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestDatabase.primary(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema ="
                        + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!t.startsWith("databasechangelog") && !ACCOUNTING.contains(t)) {
                    tables.add(t);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(tables).contains("stories", "user_profiles");
        return tables;
    }

    static String json() {
        return "application/json";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 40) + "…(" + s.length() + " chars)";
    }
}
