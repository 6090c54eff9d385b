package com.muejam.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import com.muejam.infrastructure.pools.PoolExhaustion;
import com.muejam.infrastructure.routing.ReplicaFailures.Kind;

class ReplicaFailuresTest {

    /** How a JPA provider hands a JDBC failure up: wrapped twice. */
    private static RuntimeException wrapped(Throwable jdbc) {
        return new jakarta.persistence.PersistenceException("Exception [EclipseLink-4002]",
                new IllegalStateException("internal", jdbc));
    }

    @Test
    void connectionLevelFailuresAreRetriedElsewhere() {
        assertThat(ReplicaFailures.classify(wrapped(new SQLException("I/O error", "08006")))).isEqualTo(Kind.CONNECTION);
        assertThat(ReplicaFailures.classify(wrapped(new SQLException("refused", "08001")))).isEqualTo(Kind.CONNECTION);
        assertThat(ReplicaFailures.classify(wrapped(new SQLException("admin shutdown", "57P01")))).isEqualTo(Kind.CONNECTION);
        assertThat(ReplicaFailures.classify(wrapped(new SQLException("starting up", "57P03")))).isEqualTo(Kind.CONNECTION);
        assertThat(ReplicaFailures.classify(wrapped(new ConnectException("refused")))).isEqualTo(Kind.CONNECTION);
        assertThat(ReplicaFailures.classify(wrapped(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException())))).isEqualTo(Kind.CONNECTION);
    }

    @Test
    void aFullPoolIsItsOwnKindAndQueryErrorsAreTheCallers() {
        SQLException full = new SQLException("Sorry, acquisition timeout!");
        assertThat(ReplicaFailures.classify(wrapped(full))).isEqualTo(Kind.POOL_FULL);
        assertThat(PoolExhaustion.isAcquisitionTimeout(wrapped(full))).isTrue();
        assertThat(ReplicaFailures.classify(wrapped(new SQLException("canceling statement due to statement timeout", "57014"))))
                .isEqualTo(Kind.OTHER);
        assertThat(ReplicaFailures.classify(wrapped(new SQLException("syntax", "42601")))).isEqualTo(Kind.OTHER);
        assertThat(ReplicaFailures.classify(new IllegalArgumentException("x"))).isEqualTo(Kind.OTHER);
        assertThat(PoolExhaustion.isAcquisitionTimeout(wrapped(new SQLException("I/O error", "08006")))).isFalse();
    }
}
