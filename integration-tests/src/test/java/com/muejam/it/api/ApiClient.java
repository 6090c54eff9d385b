package com.muejam.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.muejam.it.routing.AppClient;

/**
 * The API as one well-behaved client sees it, for the moderation, notification, profile and privacy tests: calls
 * as a given user (null = anonymous), always sending back the last {@code MueJam-Consistency} value received
 * (read-your-writes, whoever wrote), plus fixtures written through JDBC (stories, notifications) after which
 * {@link #afterDatabaseWrite()} takes the primary's WAL position as the token.
 */
final class ApiClient {

    final AppClient app;
    private volatile String token;

    ApiClient(AppClient app) {
        this.app = app;
    }

    /** A new signed-in user (its profile readable at once by the following calls). */
    AppClient.User user(String prefix) {
        AppClient.User u = app.signUp(prefix);
        afterDatabaseWrite();
        return u;
    }

    /** A new moderator: signed up, promoted, signed in again (a session caches its role). */
    AppClient.User moderator(String prefix) {
        AppClient.User u = app.signUp(prefix);
        TestDatabase.promoteToModerator(u.id());
        AppClient.User m = new AppClient.User(u.id(), u.username(), app.signIn(u.username(), AppClient.PASSWORD));
        afterDatabaseWrite();
        return m;
    }

    HttpResponse<String> get(AppClient.User as, String path) {
        return remember(app.get(path, headers(as)));
    }

    HttpResponse<String> post(AppClient.User as, String path, String json) {
        return remember(app.post(path, json, headers(as)));
    }

    HttpResponse<String> put(AppClient.User as, String path, String json) {
        return remember(app.put(path, json, headers(as)));
    }

    HttpResponse<String> delete(AppClient.User as, String path) {
        return remember(app.delete(path, headers(as)));
    }

    /** A published story by {@code authorId}, inserted directly (the stories API has tests of its own). */
    long story(long authorId) {
        long id = insert("INSERT INTO stories (author_id, title, body, status, published_at) "
                + "VALUES (?, 'flag me', 'moderation test', 'published', now()) RETURNING id", authorId);
        afterDatabaseWrite();
        return id;
    }

    /** An unread notification for {@code recipientId} about story {@code subjectId}, inserted directly. */
    long notification(long recipientId, long subjectId) {
        long id = insert("INSERT INTO notifications (recipient_id, type, subject_type, subject_id, payload) "
                + "VALUES (?, 'story_liked', 'story', ?, '{\"n\":1}') RETURNING id", recipientId, subjectId);
        afterDatabaseWrite();
        return id;
    }

    /** Reads that follow see what the test wrote through JDBC. */
    void afterDatabaseWrite() {
        token = TestDatabase.currentWalPosition();
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** A 400 problem naming {@code field}. */
    static void assertBadField(HttpResponse<String> r, String field) {
        assertProblem(r, 400);
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }

    /** The first string value of {@code name} in a JSON text (null for a JSON null or absent). */
    static String text(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|null)").matcher(json);
        return m.find() && m.group(2) != null ? m.group(2) : null;
    }

    /** The first number value of {@code name} in a JSON text, or null. */
    static Long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    /** Every number value of {@code name}, in order (the ids of a page's items with {@code "id"}). */
    static List<Long> numbers(String json, String name) {
        List<Long> all = new ArrayList<>();
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        while (m.find()) {
            all.add(Long.parseLong(m.group(1)));
        }
        return all;
    }

    private static long insert(String sql, Object... params) {
        return TestDatabase.insertReturningId(sql, params);
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
        r.headers().firstValue(AppClient.CONSISTENCY).ifPresent(t -> token = t);
        return r;
    }

    private String[] headers(AppClient.User as) {
        List<String> h = new ArrayList<>(4);
        if (as != null) {
            h.add("Authorization");
            h.add("Bearer " + as.token());
        }
        String t = token;
        if (t != null) {
            h.add(AppClient.CONSISTENCY);
            h.add(t);
        }
        return h.toArray(String[]::new);
    }
}
