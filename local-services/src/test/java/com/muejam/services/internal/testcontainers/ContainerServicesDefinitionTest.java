package com.muejam.services.internal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.muejam.services.ServicesConfig;
import com.muejam.services.internal.testcontainers.ContainerServices.Definition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The containers of {@code -Dmuejam.services=testcontainers} as defined, checked without a Docker engine. */
class ContainerServicesDefinitionTest {

    private final ServicesConfig config = ServicesConfig.builder().stateDir(Path.of("target/tc-definitions"))
            .primaryPort(41432).replicaPorts(41433, 41434).redisPort(41379).build();
    private final List<Definition> all = ContainerServices.definitions(config);

    @Test
    void aPrimaryItsReplicasInOrderAndRedisOnTheConfiguredHostPorts() {
        assertThat(all).extracting(Definition::name).containsExactly("primary", "replica1", "replica2", "redis");
        assertThat(all).extracting(Definition::image).containsExactly("postgres:15", "postgres:15", "postgres:15",
                "redis:7");
        assertThat(all).extracting(Definition::containerPort).containsExactly(5432, 5432, 5432, 6379);
        assertThat(all).extracting(Definition::hostPort).containsExactly(41432, 41433, 41434, 41379);
        assertThat(all).extracting(Definition::afterPrimary).containsExactly(false, true, true, false);
    }

    @Test
    void thePrimaryAcceptsReplicationUnderItsNetworkAlias() {
        Definition primary = all.get(0);
        assertThat(primary.networkAlias()).isEqualTo(ContainerServices.PRIMARY_ALIAS);
        assertThat(primary.env()).containsEntry("POSTGRES_USER", config.user())
                .containsEntry("POSTGRES_PASSWORD", config.password()).containsEntry("POSTGRES_DB", config.database());
        assertThat(primary.command()).contains("wal_level=replica", "max_wal_senders=10", "hot_standby=on",
                "cluster_name=primary");
        assertThat(primary.files()).containsOnlyKeys("/docker-entrypoint-initdb.d/10-replication.sh");
        assertThat(primary.files().values().iterator().next())
                .contains("host replication all all scram-sha-256").contains("pg_hba.conf");
        // the image's init scripts run on a temporary server first: ready is the second "ready" line
        assertThat(primary.readyLog()).contains("ready to accept connections");
        assertThat(primary.readyTimes()).isEqualTo(2);
    }

    @Test
    void eachReplicaClonesThePrimaryWithItsOwnSlotAndStreams() {
        for (int i = 1; i <= 2; i++) {
            Definition replica = all.get(i);
            String name = "replica" + i;
            assertThat(replica.networkAlias()).isNull();
            assertThat(replica.env()).containsExactly(java.util.Map.entry("PGPASSWORD", config.password()));
            assertThat(replica.command()).hasSize(3).startsWith("bash", "-c");
            String script = replica.command().get(2);
            assertThat(script)
                    .contains("pg_isready -q -h pg-primary -p 5432 -U " + config.user())
                    .contains("pg_basebackup -h pg-primary -p 5432 -U " + config.user() + " -D "
                            + ContainerServices.PGDATA + " -R -X stream -C -S " + name + " -w")
                    .contains("-c hot_standby=on", "-c cluster_name=" + name)
                    .startsWith("set -e");
            assertThat(replica.readyLog()).contains("read-only connections");
        }
    }

    @Test
    void redisKeepsNothingOnDisk() {
        Definition redis = all.get(3);
        assertThat(redis.command()).containsExactly("redis-server", "--save", "", "--appendonly", "no");
        assertThat(redis.env()).isEmpty();
        assertThat(redis.readyLog()).contains("Ready to accept connections");
    }

    @Test
    void noReplicasConfiguredNoReplicaContainers() {
        ServicesConfig single = ServicesConfig.builder().stateDir(Path.of("target/tc-single")).primaryPort(41532)
                .replicaPorts().redisPort(41579).build();
        assertThat(ContainerServices.definitions(single)).extracting(Definition::name)
                .containsExactly("primary", "redis");
    }
}
