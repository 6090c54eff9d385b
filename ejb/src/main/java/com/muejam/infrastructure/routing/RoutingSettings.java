package com.muejam.infrastructure.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing configuration. Values marked "live" are read again at each use, so an operator can change them
 * with {@code /system-property=NAME:add(value=...)} (a system property overrides the environment variable);
 * the others are read when the application starts.
 *
 * <p>Durations accept {@code 250ms}, {@code 1.5s} or a plain number of seconds.
 */
@ApplicationScoped
public class RoutingSettings {

    /** Live. {@code false} sends every read to the primary. */
    @Inject
    @ConfigProperty(name = "USE_READ_REPLICA", defaultValue = "false")
    Provider<Boolean> useReadReplica;

    /** Live. A replica further behind than this leaves the rotation. */
    @Inject
    @ConfigProperty(name = "DB_REPLICA_MAX_LAG", defaultValue = "1s")
    Provider<String> maxLag;

    /** Live. How long a replica that left must stay healthy before it serves reads again. */
    @Inject
    @ConfigProperty(name = "DB_REPLICA_REJOIN_AFTER", defaultValue = "5s")
    Provider<String> rejoinAfter;

    /** How often each replica (and the primary's position) is checked. */
    @Inject
    @ConfigProperty(name = "DB_REPLICA_CHECK_INTERVAL", defaultValue = "100ms")
    String checkInterval;

    /** Network timeout of one check: a replica that does not answer within it counts as unreachable. */
    @Inject
    @ConfigProperty(name = "DB_REPLICA_CHECK_TIMEOUT", defaultValue = "500ms")
    String checkTimeout;

    /** The second replica exists when either of these is set (the pool ReplicaDS2 is defined either way). */
    @Inject
    @ConfigProperty(name = "DB_READ_HOST_2")
    Optional<String> secondReplicaHost;

    @Inject
    @ConfigProperty(name = "DB_READ_PORT_2")
    Optional<String> secondReplicaPort;

    public boolean replicasEnabled() {
        return useReadReplica.get();
    }

    public Duration maxLag() {
        return parseDuration(maxLag.get(), "DB_REPLICA_MAX_LAG");
    }

    public Duration rejoinAfter() {
        return parseDuration(rejoinAfter.get(), "DB_REPLICA_REJOIN_AFTER");
    }

    public Duration checkInterval() {
        return parseDuration(checkInterval, "DB_REPLICA_CHECK_INTERVAL");
    }

    public Duration checkTimeout() {
        return parseDuration(checkTimeout, "DB_REPLICA_CHECK_TIMEOUT");
    }

    /**
     * The configured replicas: always the first ({@code ReplicaDS}, which points at the primary when
     * {@code DB_READ_HOST} is unset), the second only when {@code DB_READ_HOST_2} or {@code DB_READ_PORT_2} is set.
     */
    public List<Route> replicas() {
        List<Route> routes = new ArrayList<>(List.of(Route.REPLICA));
        if (isSet(secondReplicaHost) || isSet(secondReplicaPort)) {
            routes.add(Route.REPLICA_2);
        }
        return List.copyOf(routes);
    }

    private static boolean isSet(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }

    /** {@code 250ms}, {@code 1.5s}, {@code 2} (seconds); never negative. */
    public static Duration parseDuration(String text, String name) {
        String t = text.trim().toLowerCase();
        try {
            double value;
            if (t.endsWith("ms")) {
                value = Double.parseDouble(t.substring(0, t.length() - 2).trim()) / 1000;
            } else if (t.endsWith("s")) {
                value = Double.parseDouble(t.substring(0, t.length() - 1).trim());
            } else {
                value = Double.parseDouble(t);
            }
            if (value < 0 || Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(Math.round(value * 1e9));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a duration: " + text);
        }
    }
}
