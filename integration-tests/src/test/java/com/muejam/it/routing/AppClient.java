package com.muejam.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client of the deployed application, as an API client sees it (used from the test JVM and from
 * inside the server alike): JSON calls, the {@code MueJam-Consistency} header, and metric values read back
 * from the Prometheus text.
 */
public final class AppClient {

    public static final String CONSISTENCY = "MueJam-Consistency";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public AppClient(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** The application inside this server (in-container callers): HTTP port 8080 plus the port offset. */
    public static AppClient local() {
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return new AppClient("http://127.0.0.1:" + (8080 + offset));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> patch(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    /** The password every test user signs up with. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    /** A signed-in user: its profile id, username and bearer token. */
    public record User(long id, String username, String token) {
        /** The {@code Authorization} header pair, for the {@code headers} varargs of the calls above. */
        public String[] auth() {
            return new String[] {"Authorization", "Bearer " + token};
        }

        /** The auth header followed by more header pairs. */
        public String[] auth(String... more) {
            String[] all = new String[2 + more.length];
            all[0] = "Authorization";
            all[1] = "Bearer " + token;
            System.arraycopy(more, 0, all, 2, more.length);
            return all;
        }
    }

    /** Signs up a new user named {@code prefix} plus a random suffix, signs it in, and returns it. */
    public User signUp(String prefix) {
        String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = post("api/auth/signup",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + prefix + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = id(r.body());
        return new User(id, username, signIn(username, PASSWORD));
    }

    /** Signs in; returns the bearer token (asserts success). */
    public String signIn(String username, String password) {
        HttpResponse<String> r = post("api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = TOKEN.matcher(r.body());
        assertThat(m.find()).as("token in %s", r.body()).isTrue();
        return m.group(1);
    }

    /** A new moderator (the platform's operators): signed up, promoted, signed in again (a session caches its role). */
    public User moderator() {
        User u = signUp("operator");
        com.muejam.it.api.TestDatabase.promoteToModerator(u.id());
        return new User(u.id(), u.username(), signIn(u.username(), PASSWORD));
    }

    private volatile User operator;

    /**
     * The readiness checks with their detail (pool figures, replica lag and rotation, database errors), as an operator
     * reads them at {@code /api/status/health}; the public {@code /health/ready} says UP or DOWN only.
     */
    public String healthDetail() {
        if (operator == null) {
            operator = moderator();
        }
        return get("api/status/health", operator.auth()).body();
    }

    /** Bearer tokens of the authors made by {@link #createAuthor()}, by profile id. */
    private final java.util.Map<Long, String> authorTokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A new author: a signed-up, signed-in user (stories are written by the signed-in user); returns its id. */
    public long createAuthor() {
        User author = signUp("rt");
        authorTokens.put(author.id(), author.token());
        return author.id();
    }

    /**
     * A new story by {@code author} (made by {@link #createAuthor()} on this client), published so any reader sees
     * it: the publish response (200, the story, and the consistency header of the last write).
     */
    public HttpResponse<String> createStory(long author, String title) {
        String token = authorTokens.get(author);
        assertThat(token).as("author %s was not made by createAuthor() of this client", author).isNotNull();
        HttpResponse<String> created = post("api/stories", "{\"title\":\"" + title + "\",\"body\":\"routing test\"}",
                "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return post("api/stories/" + id(created.body()) + "/publish", "", "Authorization", "Bearer " + token);
    }

    public static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as("id in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * The value of an application metric with the given labels (a subset of the sample's labels), 0 when the
     * sample does not exist yet. Label values may hold braces (route templates such as {@code /api/stories/{id}}).
     */
    public double metric(String name, String... labels) {
        return metricIn(get("metrics?scope=application").body(), name, labels);
    }

    public static double metricIn(String prometheusText, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{((?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\}\\s+(\\S+)$").matcher(prometheusText);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            boolean all = true;
            for (String label : labels) {
                int eq = label.indexOf('=');
                String wanted = label.substring(0, eq) + "=\"" + label.substring(eq + 1) + "\"";
                all &= ("," + m.group(1) + ",").contains("," + wanted + ",");
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? sum : 0;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/" + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
