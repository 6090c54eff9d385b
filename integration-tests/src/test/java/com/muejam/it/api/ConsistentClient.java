package com.muejam.it.api;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.muejam.it.routing.AppClient;

/**
 * An {@link AppClient} that behaves like a well-written API client: it keeps the last {@code MueJam-Consistency}
 * value it received and sends it with every request, so reads see the test's earlier writes even when a replica
 * serves them. Rows a test writes behind the API's back ({@link TestDatabase}) are covered by
 * {@link #afterDatabaseWrite()}, which takes the primary's current WAL position as the token.
 */
final class ConsistentClient {

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern IDS = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    final AppClient app;
    private volatile String token;

    ConsistentClient(AppClient app) {
        this.app = app;
    }

    HttpResponse<String> get(String path, String... headers) {
        return remember(app.get(path, with(headers)));
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return remember(app.post(path, json, with(headers)));
    }

    HttpResponse<String> patch(String path, String json, String... headers) {
        return remember(app.patch(path, json, with(headers)));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return remember(app.delete(path, with(headers)));
    }

    /** Reads that follow see what the test wrote through JDBC. */
    void afterDatabaseWrite() {
        token = TestDatabase.currentWalPosition();
    }

    /** A unique name for users and titles. */
    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The ids of a page's items, in order. */
    static java.util.List<Long> ids(String pageJson) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        Matcher m = IDS.matcher(pageJson);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The page's {@code next} cursor, or null at the end. */
    static String next(String pageJson) {
        Matcher m = NEXT.matcher(pageJson);
        return m.find() ? m.group(1) : null;
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
        r.headers().firstValue(AppClient.CONSISTENCY).ifPresent(t -> token = t);
        return r;
    }

    private String[] with(String... headers) {
        String t = token;
        if (t == null) {
            return headers;
        }
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = AppClient.CONSISTENCY;
        all[headers.length + 1] = t;
        return all;
    }
}
