package com.muejam.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;
import com.muejam.services.TlsMaterial;

/**
 * The start-up message for a primary or replica that refuses TLS verification, from the driver's real failures
 * against a project-started PostgreSQL with {@code ssl = on} (certificate for localhost/127.0.0.1 from a CA made
 * for this run; the server also listens on 127.0.0.2, an address the certificate does not list). Own services:
 * state {@code muejam.tls.stateDir}, primary {@code muejam.tls.primaryPort} (57434), Redis
 * {@code muejam.tls.redisPort} (57438).
 */
class DatabaseTlsTest {

    private static LocalServices services;
    private static PgNode primary;
    private static TlsMaterial tls;
    private static TlsMaterial otherCa;

    @BeforeAll
    static void startTlsPrimary() throws Exception {
        Path stateDir = Path.of(System.getProperty("muejam.tls.stateDir",
                System.getProperty("java.io.tmpdir") + "/muejam-ejb-tls-services"));
        services = LocalServices.up(ServicesConfig.builder().stateDir(stateDir)
                .primaryPort(Integer.getInteger("muejam.tls.primaryPort", 57434)).replicaPorts()
                .redisPort(Integer.getInteger("muejam.tls.redisPort", 57438)).build());
        primary = services.primary();
        Path certs = Files.createTempDirectory("muejam-ejb-tls-");
        tls = TlsMaterial.generate(certs.resolve("right"), "MueJam test CA", "DNS:localhost", "IP:127.0.0.1");
        otherCa = TlsMaterial.generate(certs.resolve("other"), "Some other CA", "DNS:localhost", "IP:127.0.0.1");
        tls.enableOn(primary, "127.0.0.1,127.0.0.2");
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.down();
        }
    }

    /** What the pool's driver throws when it opens a connection to {@code host} with these settings. */
    private static SQLException failure(String host, String sslMode, String sslRootCert) {
        Properties p = new Properties();
        p.setProperty("user", primary.user());
        p.setProperty("sslmode", sslMode);
        p.setProperty("sslrootcert", sslRootCert);
        try (Connection c = new org.postgresql.Driver().connect(
                "jdbc:postgresql://" + host + ":" + primary.port() + "/" + primary.database(), p)) {
            throw new AssertionError("connected to " + host + " with sslmode " + sslMode + " and " + sslRootCert);
        } catch (SQLException e) {
            return e;
        }
    }

    @Test
    void theRightCaAndHostConnect() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", primary.user());
        p.setProperty("sslmode", "verify-full");
        p.setProperty("sslrootcert", tls.caCert().toString());
        try (Connection c = new org.postgresql.Driver().connect(primary.jdbcUrl(), p)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aWrongCaOnThePrimaryNamesDbSslRootCert() {
        Map<String, String> env = Map.of("DB_HOST", "127.0.0.1", "DB_SSLMODE", "verify-full",
                "DB_SSLROOTCERT", otherCa.caCert().toString());
        SQLException e = failure("127.0.0.1", "verify-full", otherCa.caCert().toString());

        String line = DatabaseTls.explain(Route.PRIMARY, e, env::get).orElseThrow();
        System.out.println("[tls-startup] " + line);
        assertThat(line).isEqualTo("PrimaryDS: TLS to 127.0.0.1 refused: the server certificate is not signed by a CA"
                + " in DB_SSLROOTCERT (" + otherCa.caCert() + "; DB_SSLMODE=verify-full); set DB_SSLROOTCERT to the"
                + " bundle of the CA that signed it, for RDS the global bundle (global-bundle.pem)");
        // what the monitor and readiness report carry
        assertThat(ReplicaFailures.classify(e)).isEqualTo(ReplicaFailures.Kind.CONNECTION);
    }

    @Test
    void aHostOutsideTheCertificateNamesDbSslModeAndTheHostCheck() {
        Map<String, String> env = Map.of("DB_HOST", "127.0.0.2", "DB_SSLMODE", "verify-full",
                "DB_SSLROOTCERT", tls.caCert().toString());
        SQLException e = failure("127.0.0.2", "verify-full", tls.caCert().toString());

        String line = DatabaseTls.explain(Route.PRIMARY, e, env::get).orElseThrow();
        System.out.println("[tls-startup] " + line);
        assertThat(line).startsWith("PrimaryDS: TLS to 127.0.0.2 refused: the server certificate does not name host"
                + " '127.0.0.2' (DB_SSLMODE=verify-full checks the host name)");
    }

    @Test
    void aReplicaUsesTheReadVariablesDefaultingToThePrimarys() {
        SQLException e = failure("localhost", "verify-ca", otherCa.caCert().toString());
        Map<String, String> env = new HashMap<>(Map.of("DB_HOST", "db-primary", "DB_READ_HOST", "localhost",
                "DB_SSLMODE", "verify-ca", "DB_SSLROOTCERT", otherCa.caCert().toString()));

        assertThat(DatabaseTls.explain(Route.REPLICA, e, env::get).orElseThrow())
                .startsWith("ReplicaDS: TLS to localhost refused: the server certificate is not signed by a CA in"
                        + " DB_READ_SSLROOTCERT (" + otherCa.caCert() + "; DB_READ_SSLMODE=verify-ca)");
        env.put("DB_READ_SSLROOTCERT", "/etc/muejam/replica-ca.pem");
        assertThat(DatabaseTls.explain(Route.REPLICA_2, e, env::get).orElseThrow())
                .startsWith("ReplicaDS2: TLS to localhost refused: the server certificate is not signed by a CA in"
                        + " DB_READ_SSLROOTCERT (/etc/muejam/replica-ca.pem; DB_READ_SSLMODE=verify-ca)");
    }

    @Test
    void anUnreadableBundleNamesDbSslRootCert() {
        String missing = tls.dir().resolve("missing.pem").toString();
        SQLException e = failure("localhost", "verify-full", missing);
        assertThat(DatabaseTls.explain(Route.PRIMARY, e, Map.of("DB_SSLMODE", "verify-full", "DB_SSLROOTCERT", missing)::get))
                .hasValue("PrimaryDS: TLS to localhost refused: DB_SSLROOTCERT (" + missing + ") cannot be read as a PEM"
                        + " CA bundle (DB_SSLMODE=verify-full needs one to check the server certificate); set"
                        + " DB_SSLROOTCERT to the CA bundle file, e.g. the RDS global bundle");
    }

    @Test
    void otherFailuresAreNotBlamedOnTls() {
        SQLException refused = failure("127.0.0.3", "verify-full", tls.caCert().toString()); // nothing listens there
        assertThat(DatabaseTls.explain(Route.PRIMARY, refused, Map.<String, String>of()::get)).isEmpty();
        assertThat(ReplicaFailures.describe(Route.PRIMARY, refused)).isEqualTo(ReplicaFailures.describe(refused));
    }
}
