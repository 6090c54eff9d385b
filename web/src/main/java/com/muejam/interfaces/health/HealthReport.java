package com.muejam.interfaces.health;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs health checks and writes their answer in the MicroProfile Health wire format. The public form carries the
 * overall status and UP/DOWN per check only; the detailed form adds each check's data (pool figures, replica lag,
 * WAL positions, the database's error text), which only operators get to see.
 */
public final class HealthReport {

    private final List<HealthCheckResponse> results;

    private HealthReport(List<HealthCheckResponse> results) {
        this.results = results;
    }

    /** Calls every check; a check that throws is reported DOWN with the exception text as its (detail) data. */
    public static HealthReport of(Iterable<HealthCheck> checks) {
        return new HealthReport(StreamSupport.stream(checks.spliterator(), false).map(HealthReport::call).toList());
    }

    public boolean up() {
        return results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
    }

    /** {@code {"status":"UP","checks":[{"name":"database","status":"UP"}]}}: nothing that helps an attacker. */
    public JsonObject publicJson() {
        return json(false);
    }

    /** As {@link #publicJson()}, with every check's data. */
    public JsonObject detailedJson() {
        return json(true);
    }

    private JsonObject json(boolean detail) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        results.forEach(r -> array.add(toJson(r, detail)));
        return Json.createObjectBuilder().add("status", up() ? "UP" : "DOWN").add("checks", array).build();
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private static JsonObjectBuilder toJson(HealthCheckResponse r, boolean detail) {
        JsonObjectBuilder check = Json.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name());
        if (!detail) {
            return check;
        }
        r.getData().filter(d -> !d.isEmpty()).ifPresent(data -> {
            JsonObjectBuilder d = Json.createObjectBuilder();
            for (Map.Entry<String, Object> e : data.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Boolean b) {
                    d.add(e.getKey(), b);
                } else if (v instanceof Number n) {
                    d.add(e.getKey(), n.longValue());
                } else {
                    d.add(e.getKey(), String.valueOf(v));
                }
            }
            check.add("data", d);
        });
        return check;
    }
}
