package com.muejam.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.muejam.services.PgNode;

/**
 * Builds the {@link Workload} through the API as real clients would: each load user signs up, signs in and
 * publishes a story of their own (from an address of their own, passed as {@code X-Forwarded-For}: the server must
 * trust the load generator as its proxy, {@code TRUSTED_PROXIES=127.0.0.1}); the stories read with Zipf popularity
 * and the search prefixes come from the database (the seeded data set plus what the tests left).
 */
public final class Preparation {

    static final String PASSWORD = "load suite password 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Preparation(String baseUrl) {
        this.base = baseUrl.replaceAll("/+$", "");
    }

    public Workload prepare(PgNode primary, int users, int maxStories) throws Exception {
        List<Workload.User> signedIn = signUp(users);
        List<Long> stories = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), primary.user(), primary.password());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id FROM stories WHERE status = 'published' AND NOT deleted"
                    + " AND NOT nsfw ORDER BY id DESC LIMIT " + maxStories)) {
                while (rs.next()) {
                    stories.add(rs.getLong(1));
                }
            }
            // 4-character prefixes: thousands of distinct searches, so most miss the per-prefix cache and reach a replica
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT lower(left(username, 4)) p FROM user_profiles"
                    + " WHERE username ~ '^[A-Za-z0-9_.-]{4}' ORDER BY p LIMIT 50000")) {
                while (rs.next()) {
                    prefixes.add(rs.getString(1));
                }
            }
        }
        // ids are in time order: shuffle so popularity is not tied to age
        Collections.shuffle(stories, new Random(7));
        return new Workload(signedIn, stories.stream().mapToLong(Long::longValue).toArray(), prefixes);
    }

    private List<Workload.User> signUp(int users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Workload.User>> done = new ArrayList<>();
            String run = UUID.randomUUID().toString().substring(0, 6);
            for (int i = 0; i < users; i++) {
                int n = i;
                done.add(pool.submit(() -> one("ld" + run + "_" + n, address(n))));
            }
            List<Workload.User> out = new ArrayList<>();
            for (Future<Workload.User> f : done) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A private address per user: 10.x.y.z from the user's number. */
    static String address(int n) {
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    private Workload.User one(String username, String address) throws Exception {
        JsonNode profile = call("POST", "/api/auth/signup", null, address,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Load " + username + "\"}", 201);
        String token = call("POST", "/api/auth/login", null, address,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", 200).get("token").asText();
        long story = call("POST", "/api/stories", token, address,
                "{\"title\":\"Load story of " + username + "\",\"body\":\"written by the load suite\"}", 201).get("id").asLong();
        call("POST", "/api/stories/" + story + "/publish", token, address, "", 200);
        return new Workload.User(profile.get("id").asLong(), token, story, address);
    }

    private JsonNode call(String method, String path, String token, String address, String body, int expected)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == expected) {
                return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            }
            if ((r.statusCode() == 429 || r.statusCode() == 503) && attempt < 20) {
                Thread.sleep(1000L * attempt);
                continue;
            }
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
