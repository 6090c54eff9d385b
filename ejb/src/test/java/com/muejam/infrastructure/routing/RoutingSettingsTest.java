package com.muejam.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RoutingSettingsTest {

    @Test
    void durationsInMillisecondsSecondsOrPlainSeconds() {
        assertThat(RoutingSettings.parseDuration("250ms", "X")).isEqualTo(Duration.ofMillis(250));
        assertThat(RoutingSettings.parseDuration("1.5s", "X")).isEqualTo(Duration.ofMillis(1500));
        assertThat(RoutingSettings.parseDuration(" 2 ", "X")).isEqualTo(Duration.ofSeconds(2));
        assertThat(RoutingSettings.parseDuration("0.1", "X")).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> RoutingSettings.parseDuration("-1s", "DB_REPLICA_MAX_LAG"))
                .hasMessageContaining("DB_REPLICA_MAX_LAG");
        assertThatThrownBy(() -> RoutingSettings.parseDuration("soon", "X")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesByTheirExplicitNames() {
        assertThat(Route.named("default")).isEqualTo(Route.PRIMARY);
        assertThat(Route.named("read_replica")).isEqualTo(Route.REPLICA);
        assertThat(Route.named("replica2")).isEqualTo(Route.REPLICA_2);
        assertThat(Route.named("ReplicaDS2")).isEqualTo(Route.REPLICA_2);
        assertThat(Route.REPLICA_2.jndiName()).isEqualTo("java:jboss/datasources/ReplicaDS2");
        assertThatThrownBy(() -> Route.named("analytics")).isInstanceOf(IllegalArgumentException.class);
    }
}
