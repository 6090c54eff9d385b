package com.muejam.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.muejam.it.routing.AppClient;

/** Over HTTP, as a client sees it: the story endpoint, its errors, and the metric it increments. */
class ApiAndMetricsIT extends DeployedEarTest {

    @Test
    void creatingAStoryIncrementsTheMetricInThePrometheusText() throws Exception {
        double before = counter("muejam_stories_created_total");
        AppClient.User author = app.signUp("author");

        HttpResponse<String> created = app.post("api/stories",
                "{\"title\":\"Metric story\",\"body\":\"Once upon a time\"}", author.auth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long story = AppClient.id(created.body());
        assertThat(created.body()).contains("\"authorId\":" + author.id());
        assertThat(created.headers().firstValue("Location"))
                .hasValue(base.toString().replaceAll("/+$", "") + "/api/stories/" + story);

        // the author reads the draft back, with the write's consistency token (read-your-writes)
        String token = created.headers().firstValue(AppClient.CONSISTENCY).orElseThrow();
        HttpResponse<String> read = app.get("api/stories/" + story, author.auth(AppClient.CONSISTENCY, token));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("\"title\":\"Metric story\"");

        assertThat(counter("muejam_stories_created_total")).isEqualTo(before + 1);
    }

    @Test
    void prometheusTextCarriesBaseAndRoutingMetrics() throws Exception {
        app.get("api/stories/" + Long.MAX_VALUE); // one routed read (a miss is never cached)
        HttpResponse<String> metrics = app.get("metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body()).contains("jvm_uptime_seconds").contains("muejam_db_reads_total{");
    }

    @Test
    void latencyHistogramsPerRouteAndPerPoolAppearInThePrometheusTextAndMove() throws Exception {
        String route = "route=/api/stories/{id}";
        double requestsBefore = app.metric("muejam_http_request_seconds_count", "method=GET", route, "status=4xx");
        double statementsBefore = app.metric("muejam_db_work_seconds_count", "pool=primary")
                + app.metric("muejam_db_work_seconds_count", "pool=replica")
                + app.metric("muejam_db_work_seconds_count", "pool=replica2");
        for (int i = 0; i < 5; i++) {
            assertThat(app.get("api/stories/" + (Long.MAX_VALUE - i)).statusCode()).isEqualTo(404); // misses: a database each
        }
        String text = app.get("metrics").body();
        assertThat(AppClient.metricIn(text, "muejam_http_request_seconds_count", "method=GET", route, "status=4xx"))
                .as("requests timed by route template and status class").isEqualTo(requestsBefore + 5);
        for (String q : new String[] {"0.5", "0.95", "0.99"}) {
            assertThat(text).as("p" + q + " of the route").containsPattern(
                    "muejam_http_request_seconds\\{.*route=\"/api/stories/\\{id\\}\".*quantile=\"" + q + "\".*\\} [0-9.eE+-]+");
        }
        assertThat(text).as("buckets for percentiles over nodes")
                .contains("muejam_http_request_seconds_bucket{").contains("muejam_db_work_seconds_bucket{");
        double statementsAfter = AppClient.metricIn(text, "muejam_db_work_seconds_count", "pool=primary")
                + AppClient.metricIn(text, "muejam_db_work_seconds_count", "pool=replica")
                + AppClient.metricIn(text, "muejam_db_work_seconds_count", "pool=replica2");
        assertThat(statementsAfter).as("statements timed per pool").isGreaterThanOrEqualTo(statementsBefore + 5);
        assertThat(text).containsPattern("muejam_db_work_seconds\\{.*pool=\"(primary|replica|replica2)\".*quantile=\"0.95\"");
    }

    @Test
    void publicReadinessSaysUpPerCheckAndNothingMoreWhileOperatorsGetTheDetail() throws Exception {
        HttpResponse<String> response = app.get("health/ready");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // no exception text, host, pool figures or WAL positions for anyone who asks
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");

        assertThat(app.healthDetail())
                .contains("\"name\":\"database\"")
                .contains("\"primary_in_recovery\":false")
                .contains("\"replica_in_recovery\":true")
                .containsPattern("\"primary_lsn\":\"[0-9A-F]+/[0-9A-F]+\"")
                .containsPattern("\"primary_pool\":\"ok: \\d+ active, \\d+ idle, 0 waiting, max 50\"")
                .containsPattern("\"replica_pool\":\"ok: \\d+ active, \\d+ idle, 0 waiting, max 50\"");
    }

    @Test
    void theStatusFiguresAndHealthDetailAreForModeratorsOnly() throws Exception {
        for (String path : new String[] {"api/status", "api/status/health"}) {
            HttpResponse<String> anonymous = app.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"muejam\"");
            HttpResponse<String> user = app.get(path, app.signUp("curious").auth());
            assertThat(user.statusCode()).as(path).isEqualTo(403);
            assertThat(user.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(user.body()).doesNotContain("primary_pool").doesNotContain("\"pools\"");
        }
        HttpResponse<String> status = app.get("api/status", app.moderator().auth());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(status.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(status.body()).contains("\"pool\":\"primary\"").contains("\"replica\":\"replica\"")
                .contains("\"breaker\":\"CLOSED\"").contains("\"flags\":[");
        // the page is static and public; its data is not
        HttpResponse<String> page = app.get("status/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>MueJam data tier status</title>").doesNotContain("primary_pool");
    }

    @Test
    void invalidInputIsA400ProblemNamingTheField() throws Exception {
        AppClient.User author = app.signUp("invalid");
        HttpResponse<String> response = app.post("api/stories", "{\"title\":\"\",\"body\":\"x\",\"genre\":\"cooking\"}",
                author.auth());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"title\"").contains("\"field\":\"genre\"");
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        AppClient.User author = app.signUp("malformed");
        HttpResponse<String> response = app.post("api/stories", "{\"title\": 12, ", author.auth());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void unknownStoryIsA404AndAnAnonymousWriteA401Problem() throws Exception {
        HttpResponse<String> story = app.get("api/stories/999999999");
        assertThat(story.statusCode()).isEqualTo(404);
        assertThat(story.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> anonymous = app.post("api/stories", "{\"title\":\"t\",\"body\":\"b\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void duplicateUsernameIsA409Problem() throws Exception {
        String name = "dup_" + UUID.randomUUID().toString().substring(0, 8);
        String signUp = "{\"username\":\"" + name + "\",\"password\":\"" + AppClient.PASSWORD + "\"}";
        assertThat(app.post("api/auth/signup", signUp).statusCode()).isEqualTo(201);
        HttpResponse<String> again = app.post("api/auth/signup", signUp);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** The value of an application counter in the Prometheus text (0 when not yet registered). */
    private double counter(String name) {
        String text = app.get("metrics?scope=application").body();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})?\\s+([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
