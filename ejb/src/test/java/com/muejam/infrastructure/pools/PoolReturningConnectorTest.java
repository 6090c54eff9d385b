package com.muejam.infrastructure.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PoolReturningConnectorTest {

    /** A pooled connection whose server is gone: it reports closed, and counts the close calls it gets. */
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicBoolean broken = new AtomicBoolean();
    private final Connection pooled = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                case "isClosed" -> broken.get();
                case "close" -> {
                    closes.incrementAndGet();
                    yield null;
                }
                case "getSchema" -> {
                    if (broken.get()) {
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    yield "public";
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aBrokenConnectionStillReportsOpenUntilItIsClosedSoThatItGoesBackToThePool() throws SQLException {
        Connection c = PoolReturningConnector.returning(pooled);
        assertThat(c.getSchema()).isEqualTo("public");
        broken.set(true);
        assertThat(pooled.isClosed()).as("the pool's wrapper of a dead connection").isTrue();
        assertThat(c.isClosed()).as("what EclipseLink sees before it releases").isFalse();
        c.close();
        assertThat(closes).as("the release reached the pool").hasValue(1);
        assertThat(c.isClosed()).isTrue();
        c.close();
        assertThat(closes).as("closed once").hasValue(1);
    }

    @Test
    void errorsOfTheConnectionReachTheCallerUnwrapped() {
        broken.set(true);
        Connection c = PoolReturningConnector.returning(pooled);
        assertThatThrownBy(c::getSchema).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08006");
    }

    @Test
    void identityIsTheProxysOwn() {
        Connection a = PoolReturningConnector.returning(pooled);
        Connection b = PoolReturningConnector.returning(pooled);
        assertThat(a).isEqualTo(a).isNotEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
    }
}
