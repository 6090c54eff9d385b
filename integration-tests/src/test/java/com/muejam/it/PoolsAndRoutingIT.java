package com.muejam.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.application.profile.ProfileService;
import com.muejam.domain.story.Story;
import com.muejam.infrastructure.monitoring.DatabaseProbe;
import com.muejam.infrastructure.monitoring.DatabaseProbe.ServerIdentity;
import com.muejam.infrastructure.routing.Route;

/**
 * In-container: the two container-managed pools exist with the configured sizes and statement timeout, each is
 * connected to the server it should be (asked, not assumed), and reads follow {@code USE_READ_REPLICA}.
 */
@ExtendWith(ArquillianExtension.class)
class PoolsAndRoutingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(PoolsAndRoutingIT.class, ServerProbe.class);
    }

    @Inject
    DatabaseProbe probe;

    @Inject
    ServerProbe server;

    @Inject
    ProfileService profiles;

    /** The ports the test services listen on, as handed to this server (system properties from ServicesSession). */
    private static int primaryPort() {
        return Integer.parseInt(System.getProperty("DB_PORT"));
    }

    private static int replicaPort() {
        return Integer.parseInt(System.getProperty("DB_READ_PORT"));
    }

    /** Every replica's port: reads are balanced over all replicas in rotation (one or two). */
    private static List<Integer> replicaPorts() {
        return Stream.of("DB_READ_PORT", "DB_READ_PORT_2").map(System::getProperty).filter(Objects::nonNull)
                .map(Integer::parseInt).toList();
    }

    @Test
    void primaryPoolIsConnectedToTheWritablePrimary() {
        ServerIdentity primary = probe.identify(Route.PRIMARY);
        assertThat(primary.inRecovery()).as("pg_is_in_recovery() through PrimaryDS").isFalse();
        assertThat(primary.port()).as("inet_server_port() through PrimaryDS").isEqualTo(primaryPort());
    }

    @Test
    void replicaPoolIsConnectedToTheStreamingReplica() {
        ServerIdentity replica = probe.identify(Route.REPLICA);
        assertThat(replica.inRecovery()).as("pg_is_in_recovery() through ReplicaDS").isTrue();
        assertThat(replica.port()).as("inet_server_port() through ReplicaDS").isEqualTo(replicaPort());
        assertThat(replicaPort()).isNotEqualTo(primaryPort());
    }

    @Test
    void everyPoolHasTheConfiguredStatementTimeout() {
        assertThat(probe.identify(Route.PRIMARY).statementTimeout()).isEqualTo("30s");
        assertThat(probe.identify(Route.REPLICA).statementTimeout()).isEqualTo("30s");
    }

    @Test
    void poolsHaveTheConfiguredSizesAndTimeouts() throws Exception {
        for (String name : new String[] {"PrimaryDS", "ReplicaDS"}) {
            AgroalDataSource pool = pool(name);
            AgroalConnectionPoolConfiguration config = pool.getConfiguration().connectionPoolConfiguration();
            assertThat(config.initialSize()).as(name + " initial size").isEqualTo(10);
            assertThat(config.minSize()).as(name + " min size").isEqualTo(10);
            assertThat(config.maxSize()).as(name + " max size").isEqualTo(50);
            assertThat(config.acquisitionTimeout()).as(name + " acquisition (blocking) timeout").isEqualTo(Duration.ofSeconds(5));
            assertThat(config.reapTimeout()).as(name + " idle removal").isEqualTo(Duration.ofMinutes(5));
            // initial-size connections are opened when the pool starts
            long open = pool.getMetrics().activeCount() + pool.getMetrics().availableCount();
            assertThat(open).as(name + " open connections").isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void createdStoryIsWrittenOnThePrimaryAndReadBackThroughTheReplica() throws Exception {
        long author = profiles.create("it_" + UUID.randomUUID().toString().substring(0, 8), "IT author").getId();

        ServerProbe.Served<Story> written = server.createStory(author, "routed story");
        assertThat(written.server().inRecovery()).as("the write's server is in recovery").isFalse();
        assertThat(written.server().port()).isEqualTo(primaryPort());
        long id = written.value().getId();

        // The replica replays within milliseconds, but this request has just committed: read-your-writes keeps
        // its reads on the primary until the replica monitor has seen a replica replay the commit. Poll briefly.
        ServerProbe.Served<Optional<Story>> read = server.readStory(id);
        for (int i = 0; i < 200 && (read.value().isEmpty() || !read.server().inRecovery()); i++) {
            Thread.sleep(10);
            read = server.readStory(id);
        }
        assertThat(read.server().inRecovery()).as("the read's server is in recovery").isTrue();
        assertThat(read.server().port()).isIn(replicaPorts());
        assertThat(read.value()).as("story %d visible on the replica", id).isPresent();
        assertThat(read.value().get().getTitle()).isEqualTo("routed story");
    }

    @Test
    void readsGoToThePrimaryWhenReadReplicaIsSwitchedOff() {
        assertThat(server.routeInsideReadOnly()).startsWith("replica");
        String before = System.getProperty("USE_READ_REPLICA");
        System.setProperty("USE_READ_REPLICA", "false"); // what /system-property=USE_READ_REPLICA:add(value=false) does
        try {
            assertThat(server.routeInsideReadOnly()).isEqualTo("primary");
            ServerIdentity served = server.readStory(Long.MAX_VALUE).server();
            assertThat(served.inRecovery()).isFalse();
            assertThat(served.port()).isEqualTo(primaryPort());
        } finally {
            System.setProperty("USE_READ_REPLICA", before);
        }
        assertThat(server.routeInsideReadOnly()).startsWith("replica");
    }

    private static AgroalDataSource pool(String name) throws NamingException {
        // The object bound by WildFly is Agroal's pool; unwrap() is not implemented by it, a cast is.
        return (AgroalDataSource) new InitialContext().lookup("java:jboss/datasources/" + name);
    }
}
