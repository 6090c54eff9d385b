package com.muejam.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Over HTTP, as a client sees it: the story endpoint, its errors, and the metric it increments. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ApiAndMetricsIT {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void creatingAStoryIncrementsTheMetricInThePrometheusText() throws Exception {
        double before = counter("muejam_stories_created_total");
        long author = createAuthor();

        HttpResponse<String> created = post("api/stories",
                "{\"authorId\":" + author + ",\"title\":\"Metric story\",\"body\":\"Once upon a time\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long story = id(created.body());
        assertThat(created.headers().firstValue("Location")).hasValue(uri("api/stories/" + story).toString());

        HttpResponse<String> read = get("api/stories/" + story);
        for (int i = 0; i < 200 && read.statusCode() == 404; i++) { // the replica may be a few ms behind
            Thread.sleep(10);
            read = get("api/stories/" + story);
        }
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"title\":\"Metric story\"");

        assertThat(counter("muejam_stories_created_total")).isEqualTo(before + 1);
    }

    @Test
    void prometheusTextCarriesBaseAndRoutingMetrics() throws Exception {
        get("api/stories?author=1"); // one routed read
        HttpResponse<String> metrics = get("metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body()).contains("jvm_uptime_seconds").contains("muejam_db_reads_total{");
    }

    @Test
    void readinessReportsBothPoolsAndTheReplicaInRecovery() throws Exception {
        HttpResponse<String> response = get("health/ready");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"name\":\"database\"")
                .contains("\"primary_in_recovery\":false")
                .contains("\"replica_in_recovery\":true")
                .containsPattern("\"primary_pool\":\"ok: \\d+ active, \\d+ idle, 0 waiting, max 50\"")
                .containsPattern("\"replica_pool\":\"ok: \\d+ active, \\d+ idle, 0 waiting, max 50\"");
    }

    @Test
    void invalidInputIsA400ProblemNamingTheField() throws Exception {
        HttpResponse<String> response = post("api/stories", "{\"authorId\":-1,\"title\":\"\",\"body\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"authorId\"").contains("\"field\":\"title\"");
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        HttpResponse<String> response = post("api/stories", "{\"authorId\": \"not a number\", ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void unknownStoryAndUnknownAuthorAre404Problems() throws Exception {
        HttpResponse<String> story = get("api/stories/999999999");
        assertThat(story.statusCode()).isEqualTo(404);
        assertThat(story.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> author = post("api/stories", "{\"authorId\":999999999,\"title\":\"t\",\"body\":\"b\"}");
        assertThat(author.statusCode()).isEqualTo(404);
    }

    @Test
    void duplicateUsernameIsA409Problem() throws Exception {
        String name = "dup_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("api/profiles", "{\"username\":\"" + name + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> again = post("api/profiles", "{\"username\":\"" + name + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private long createAuthor() throws Exception {
        HttpResponse<String> response = post("api/profiles",
                "{\"username\":\"author_" + UUID.randomUUID().toString().substring(0, 8) + "\",\"displayName\":\"A\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id(response.body());
    }

    /** The value of an application counter in the Prometheus text (0 when not yet registered). */
    private double counter(String name) throws Exception {
        String text = get("metrics?scope=application").body();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})?\\s+([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    private static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as("id in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/" + path);
    }
}
