package com.muejam.it.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.muejam.it.routing.AppClient;

/**
 * Helpers of the security tests on top of {@link AppClient}: sign-in with a second factor, a client address of
 * the test's own (the test server trusts {@code X-Forwarded-For} from the test JVM), JSON fields read back.
 */
final class SecurityClient {

    private SecurityClient() {
    }

    /** A fresh address from 198.18.0.0/15 (RFC 2544, benchmarking), so each test throttles only itself. */
    static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** The {@code X-Forwarded-For} header pair for {@code ip}. */
    static String[] from(String ip, String... more) {
        String[] all = new String[2 + more.length];
        all[0] = "X-Forwarded-For";
        all[1] = ip;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }

    /** {@code POST /api/auth/login}; {@code extra} is more JSON members, e.g. {@code "totp":"123456"}. */
    static HttpResponse<String> login(AppClient app, String username, String password, String extra,
            String... headers) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (extra == null ? "" : "," + extra) + "}";
        return app.post("api/auth/login", body, headers);
    }

    static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static List<String> strings(String json, String arrayField) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(arrayField) + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        List<String> values = new ArrayList<>();
        if (m.find()) {
            Matcher v = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
            while (v.find()) {
                values.add(v.group(1));
            }
        }
        return values;
    }

    static List<Long> ids(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
