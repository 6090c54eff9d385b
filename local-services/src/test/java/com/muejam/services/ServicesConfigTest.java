package com.muejam.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.muejam.services.internal.testcontainers.ContainerServices;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ServicesConfigTest {

    @Test
    void defaultsAreTheRunCommandsPortsAndMuejamNames() {
        ServicesConfig c = ServicesConfig.builder().stateDir(Path.of("target/x")).build();
        assertThat(c.primaryPort()).isEqualTo(25432);
        assertThat(c.replicaPorts()).containsExactly(25433);
        assertThat(c.redisPort()).isEqualTo(26379);
        assertThat(c.database()).isEqualTo("muejam");
        assertThat(c.user()).isEqualTo("muejam");
        assertThat(c.stateDir()).isAbsolute();
    }

    @Test
    void rejectsMissingStateDirClashingPortsAndTooManyReplicas() {
        assertThatThrownBy(() -> ServicesConfig.builder().build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ServicesConfig.builder().stateDir(Path.of("x")).primaryPort(1).replicaPorts(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
        assertThatThrownBy(() -> ServicesConfig.builder().stateDir(Path.of("x")).replicaPorts(2, 3, 4).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServicesConfig.builder().stateDir(Path.of("x")).database("drop table").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemPropertiesOverrideDefaults() {
        ServicesConfig defaults = ServicesConfig.builder().stateDir(Path.of("a")).build();
        System.setProperty("cfgtest.primaryPort", "1111");
        System.setProperty("cfgtest.replicaPorts", "1112, 1113");
        try {
            ServicesConfig c = ServicesConfig.fromSystemProperties("cfgtest.", defaults);
            assertThat(c.primaryPort()).isEqualTo(1111);
            assertThat(c.replicaPorts()).containsExactly(1112, 1113);
            assertThat(c.redisPort()).isEqualTo(defaults.redisPort());
        } finally {
            System.clearProperty("cfgtest.primaryPort");
            System.clearProperty("cfgtest.replicaPorts");
        }
    }

    @Test
    void shellQuotingSurvivesSingleQuotes() {
        assertThat(Main.shellQuote("it's")).isEqualTo("'it'\"'\"'s'");
    }

    /** Up, attach and TLS fail at once, all with the one sentence, and the engine is looked for only once. */
    @Test
    void testcontainersModeWithoutDockerFailsWithOneClearSentence() {
        Assumptions.assumeFalse(ContainerServices.dockerAvailable(), "a Docker engine is available here");
        System.setProperty(LocalServices.MODE_PROPERTY, "testcontainers");
        try {
            String sentence = "no Docker engine found; use the default project-started services (omit -Dmuejam.services)";
            assertThat(Mode.NO_DOCKER).isEqualTo(sentence);
            assertThatThrownBy(() -> LocalServices.up(ServicesConfig.builder().stateDir(Path.of("target/tc")).build()))
                    .isInstanceOf(ServicesException.class).hasMessage(sentence);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> LocalServices.attach(Path.of("target/tc")))
                    .isInstanceOf(ServicesException.class).hasMessage(sentence);
            assertThat(System.nanoTime() - t0).as("the verdict is remembered").isLessThan(100_000_000L);
            TlsMaterial tls = new TlsMaterial(Path.of("target"), null, null, null);
            assertThatThrownBy(() -> tls.enableOn(null, null)).isInstanceOf(ServicesException.class)
                    .hasMessage(TlsMaterial.TLS_PROJECT_STARTED_ONLY);
        } finally {
            System.clearProperty(LocalServices.MODE_PROPERTY);
        }
    }
}
