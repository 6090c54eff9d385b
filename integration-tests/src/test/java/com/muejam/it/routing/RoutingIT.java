package com.muejam.it.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.naming.InitialContext;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.application.profile.ProfileService;
import com.muejam.domain.story.Story;
import com.muejam.infrastructure.monitoring.DatabaseHealth;
import com.muejam.infrastructure.monitoring.DatabaseProbe.ServerIdentity;
import com.muejam.infrastructure.routing.Decision;
import com.muejam.infrastructure.routing.EntityManagers;
import com.muejam.infrastructure.routing.ReadOnlyViolationException;
import com.muejam.infrastructure.routing.ReplicaMonitor;
import com.muejam.infrastructure.routing.Route;
import com.muejam.infrastructure.routing.RoutingPolicy;
import com.muejam.it.Deployments;

/**
 * In-container: where reads and writes go (asked of the serving database), writes refused inside
 * {@code @ReadOnly}, a writing transaction's reads on the primary, explicit choice, the slow query log, and the
 * pools under exhaustion (503 naming the pool; a full replica pool sends the read to the primary). Also prints
 * the routing cost per call as measured inside the server.
 */
@ExtendWith(ArquillianExtension.class)
class RoutingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(RoutingIT.class, RoutingProbe.class, RoutingProbe.ReadSide.class, RoutingProbe.Served.class,
                AppClient.class);
    }

    @Inject
    RoutingProbe probe;

    @Inject
    ProfileService profiles;

    @Inject
    EntityManagers entityManagers;

    @Inject
    RoutingPolicy policy;

    @Inject
    DatabaseHealth health;

    @Inject
    ReplicaMonitor monitor;

    @Inject
    MetricRegistry metrics;

    @Inject
    com.muejam.infrastructure.routing.RoutingSettings settings;

    private final AppClient app = AppClient.local();

    private static int primaryPort() {
        return Integer.parseInt(System.getProperty("DB_PORT"));
    }

    private static List<Integer> replicaPorts() {
        return Stream.of("DB_READ_PORT", "DB_READ_PORT_2").map(System::getProperty).filter(Objects::nonNull)
                .map(Integer::parseInt).toList();
    }

    private long counter(String name, String label, String value) {
        return metrics.counter(name, new Tag(label, value)).getCount();
    }

    private long author() {
        return profiles.create("rt_" + UUID.randomUUID().toString().substring(0, 8), "Routing").getId();
    }

    @Test
    void readOnlyCallsAreServedByTheReplicasInTurnAndWritesByThePrimary() {
        assertThat(monitor.inRotation()).hasSize(replicaPorts().size());
        Map<Integer, Integer> byPort = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            ServerIdentity served = probe.readServer();
            assertThat(served.inRecovery()).as("pg_is_in_recovery() of a @ReadOnly read").isTrue();
            byPort.merge(served.port(), 1, Integer::sum);
        }
        assertThat(byPort.keySet()).as("inet_server_port() of the reads").containsExactlyInAnyOrderElementsOf(replicaPorts());
        byPort.values().forEach(n -> assertThat(n).as("round-robin share").isEqualTo(40 / replicaPorts().size()));

        ServerIdentity write = probe.writeThenReadInOneTransaction(author(), "primary check").server();
        assertThat(write.inRecovery()).isFalse();
        assertThat(write.port()).isEqualTo(primaryPort());
    }

    @Test
    void theSecondReplicaPoolIsUsedOnlyWhenConfigured() throws Exception {
        AgroalDataSource second = (AgroalDataSource) new InitialContext().lookup(Route.REPLICA_2.jndiName());
        if (System.getProperty("DB_READ_PORT_2") == null) {
            // one replica: ReplicaDS2 exists (the unit deploys) but is never used, so it holds no connection
            for (int i = 0; i < 20; i++) {
                probe.readServer();
            }
            assertThat(monitor.replicas()).hasSize(1);
            assertThat(second.getMetrics().activeCount() + second.getMetrics().availableCount()).isZero();
            assertThat(health.check().getData().orElseThrow()).as("readiness detail").doesNotContainKeys(
                    "replica2", "replica2_rotation", "replica2_pool");
        } else {
            assertThat(monitor.inRotation()).containsExactly(Route.REPLICA, Route.REPLICA_2);
            assertThat(probeOf(entityManagers.using(Route.REPLICA_2)).port())
                    .isEqualTo(Integer.parseInt(System.getProperty("DB_READ_PORT_2")));
            Map<String, Object> detail = health.check().getData().orElseThrow();
            assertThat(detail).as("readiness detail").containsEntry("replica2_rotation", "in");
            assertThat(String.valueOf(detail.get("replica2_pool"))).startsWith("ok:");
        }
    }

    @Test
    void aWriteInsideReadOnlyFailsFastBeforeAnySqlIsSent() {
        long author = author();
        String title = "forbidden " + UUID.randomUUID();
        assertThatThrownBy(() -> probe.createInsideReadOnly(author, title))
                .isInstanceOf(ReadOnlyViolationException.class)
                .hasMessageContaining("@ReadOnly");
        Number rows = (Number) entityManagers.using(Route.PRIMARY)
                .createNativeQuery("SELECT count(*) FROM stories WHERE title = ?1").setParameter(1, title).getSingleResult();
        assertThat(rows.longValue()).as("stories written").isZero();
    }

    @Test
    void aTransactionThatWroteReadsFromThePrimaryUntilItEnds() {
        long before = counter("muejam_db_read_fallbacks_total", "reason", "write_in_transaction");
        RoutingProbe.Served<Optional<Story>> read = probe.writeThenReadInOneTransaction(author(), "write then read");
        assertThat(read.server().inRecovery()).as("the read after the write ran on a replica").isFalse();
        assertThat(read.server().port()).isEqualTo(primaryPort());
        assertThat(read.value()).as("the transaction sees its own write").isPresent();
        assertThat(counter("muejam_db_read_fallbacks_total", "reason", "write_in_transaction")).isEqualTo(before + 1);

        // a transaction that has not written also reads on the primary (a replica connection cannot join it)
        long tx = counter("muejam_db_read_fallbacks_total", "reason", "transaction");
        assertThat(probe.readInsideTransaction().inRecovery()).isFalse();
        assertThat(counter("muejam_db_read_fallbacks_total", "reason", "transaction")).isEqualTo(tx + 1);
    }

    @Test
    void codeThatMustPickNamesTheDatabase() {
        ServerIdentity primary = probeOf(entityManagers.using("default"));
        assertThat(primary.inRecovery()).isFalse();
        assertThat(primary.port()).isEqualTo(primaryPort());
        ServerIdentity replica = probeOf(entityManagers.using("read_replica"));
        assertThat(replica.inRecovery()).isTrue();
        assertThat(replica.port()).isEqualTo(replicaPorts().get(0));
        if (replicaPorts().size() > 1) {
            assertThat(probeOf(entityManagers.using(Route.REPLICA_2)).port()).isEqualTo(replicaPorts().get(1));
        }
    }

    private static ServerIdentity probeOf(jakarta.persistence.EntityManager em) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT pg_is_in_recovery(), inet_server_port(), ''")
                .getSingleResult();
        return new ServerIdentity((Boolean) row[0], ((Number) row[1]).intValue(), "");
    }

    /** Prints figures (no timing assertion): the cost of the routing decision and of the whole interceptor. */
    @Test
    void routingCostPerCallInsideTheServer() {
        int n = 200_000;
        for (int i = 0; i < n; i++) { // warm-up
            probe.routedNoOp(i);
            policy.decideForRead();
        }
        int replicaDecisions = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Decision d = policy.decideForRead();
            if (d.route().isReplica()) {
                replicaDecisions++;
            }
        }
        long t1 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += probe.routedNoOp(i);
        }
        long t2 = System.nanoTime();
        int enabled = 0;
        for (int i = 0; i < n; i++) {
            enabled += settings.replicasEnabled() ? 1 : 0;
        }
        long t3 = System.nanoTime();
        int routed = 0;
        for (int i = 0; i < n; i++) {
            routed += monitor.router().route(0).route().isReplica() ? 1 : 0;
        }
        long t4 = System.nanoTime();
        System.out.printf("ROUTING-FIGURES in-container parts: USE_READ_REPLICA lookup %.2f us, router core %.3f us%n",
                (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n);
        assertThat(enabled).isEqualTo(n);
        assertThat(routed).isEqualTo(n);
        System.out.printf("ROUTING-FIGURES in-container: decision %.2f us/call, @ReadOnly interceptor incl. decision,"
                + " metrics and route stack %.2f us/call (%d calls each)%n",
                (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, n);
        assertThat(replicaDecisions).as("decisions for a replica with healthy replicas").isEqualTo(n);
        assertThat(sum).isEqualTo((long) n * (n + 1) / 2);
    }

    @Test
    void aSlowStatementIsLoggedOnceWithItsShapeAndPoolAndCounted() throws Exception {
        // letters only: digits would be taken for inline values and replaced in the shape
        String marker = "slowmarker" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        long before = counter("muejam_db_slow_queries_total", "pool", "primary");
        for (int i = 0; i < 2; i++) {
            entityManagers.using(Route.PRIMARY).createNativeQuery("/* " + marker + " */ SELECT pg_sleep(?1)")
                    .setParameter(1, 0.15).getResultList();
        }
        assertThat(counter("muejam_db_slow_queries_total", "pool", "primary")).isEqualTo(before + 2);
        List<String> lines;
        try (Stream<String> log = Files.lines(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"))) {
            lines = log.filter(l -> l.contains(marker)).toList();
        }
        assertThat(lines).as("log lines for the statement").hasSize(1);
        assertThat(lines.get(0)).contains("slow query on PrimaryDS").contains("SELECT pg_sleep(?)")
                .containsPattern("\\d+ ms").doesNotContain("0.15");
    }

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterNamingThePoolWithinAboutFiveSeconds() throws Exception {
        AgroalDataSource pool = (AgroalDataSource) new InitialContext().lookup(Route.PRIMARY.jndiName());
        int max = pool.getConfiguration().connectionPoolConfiguration().maxSize();
        long timeoutsBefore = counter("muejam_pool_acquisition_timeouts_total", "pool", "primary");
        List<Connection> held = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < max; i++) {
                held.add(pool.getConnection());
            }
            long start = System.nanoTime();
            List<Future<HttpResponse<String>>> writes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writes.add(clients.submit(() -> app.post("api/auth/signup", "{\"username\":\"full_"
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"" + AppClient.PASSWORD + "\"}")));
            }
            for (Future<HttpResponse<String>> f : writes) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(r.body()).contains("\"status\":503").contains("\"pool\":\"PrimaryDS\"");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("ROUTING-FIGURES pool exhaustion: 4 concurrent writes answered 503 after %d ms%n", took.toMillis());
            assertThat(took).as("bounded by the 5 s acquisition timeout").isLessThan(Duration.ofSeconds(8));
            assertThat(pool.getMetrics().awaitingCount()).as("threads still waiting for a connection").isZero();
            assertThat(counter("muejam_pool_acquisition_timeouts_total", "pool", "primary")).isEqualTo(timeoutsBefore + 4);
            // the pool monitor (1 s interval) raises the alert: gauge and health
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (app.metric("muejam_pool_alert", "pool=primary") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(app.metric("muejam_pool_alert", "pool=primary")).isEqualTo(1);
        } finally {
            clients.shutdownNow();
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void aFullReplicaPoolSendsTheReadToThePrimaryInsteadOfFailing() throws Exception {
        long author = app.createAuthor();
        long story = AppClient.id(app.createStory(author, "replica pool full").body());
        long before = counter("muejam_db_read_fallbacks_total", "reason", "pool_exhausted");
        List<Connection> held = new ArrayList<>();
        try {
            for (Route r : monitor.inRotation()) {
                AgroalDataSource pool = (AgroalDataSource) new InitialContext().lookup(r.jndiName());
                int max = pool.getConfiguration().connectionPoolConfiguration().maxSize();
                for (int i = 0; i < max; i++) {
                    held.add(pool.getConnection());
                }
            }
            long start = System.nanoTime();
            HttpResponse<String> read = app.get("api/stories/" + story);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains("replica pool full");
            assertThat(took).isLessThan(Duration.ofSeconds(8));
            assertThat(counter("muejam_db_read_fallbacks_total", "reason", "pool_exhausted")).isEqualTo(before + 1);
            assertThat(monitor.inRotation()).as("a busy replica is not a down replica").hasSize(replicaPorts().size());
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
