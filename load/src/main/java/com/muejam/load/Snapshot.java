package com.muejam.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application's own figures at one moment, read from {@code /metrics}: pools, cache, replicas. */
public record Snapshot(Map<String, Double> values) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile(
            "(?m)^(muejam_[a-z0-9_]+)(\\{((?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\})?\\s+(\\S+)$");

    /** The figures that must read true after a fault: active connections at rest, available, in rotation... */
    static final String[][] WATCHED = {
        {"muejam_pool_active_connections", "pool=\"primary\""},
        {"muejam_pool_available_connections", "pool=\"primary\""},
        {"muejam_pool_active_connections", "pool=\"replica\""},
        {"muejam_pool_available_connections", "pool=\"replica\""},
        {"muejam_pool_max_size", "pool=\"primary\""},
        {"muejam_db_replica_in_rotation", ""},
        {"muejam_cache_l2_breaker_state", ""},
    };

    public static Snapshot take(String baseUrl) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/metrics?scope=application"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String[] w : WATCHED) {
                out.put(w[0] + (w[1].isEmpty() ? "" : "{" + w[1] + "}"), sum(text, w[0], w[1]));
            }
        } catch (Exception e) {
            out.put("unreadable", Double.NaN);
        }
        return new Snapshot(out);
    }

    private static double sum(String text, String name, String label) {
        Matcher m = SAMPLE.matcher(text);
        double total = 0;
        while (m.find()) {
            if (m.group(1).equals(name) && (label.isEmpty() || (m.group(3) != null && m.group(3).contains(label)))) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }

    /** Compact text: {@code primary active 0, available 10, ...}. */
    public String brief() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            String name = k.replace("muejam_", "").replace("_connections", "").replace("{pool=\"", "[").replace("\"}", "]");
            sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(v == Math.rint(v) ? String.valueOf((long) v.doubleValue()) : String.format("%.2f", v));
        });
        return sb.toString();
    }

    public double get(String key) {
        return values.getOrDefault(key, Double.NaN);
    }
}
