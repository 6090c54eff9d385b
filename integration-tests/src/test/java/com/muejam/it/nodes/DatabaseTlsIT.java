package com.muejam.it.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.muejam.liquibase.DatabaseTls;
import com.muejam.liquibase.Migrations;
import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;
import com.muejam.services.TlsMaterial;

/**
 * The real server's pools against a PostgreSQL primary with TLS on (certificate for localhost/127.0.0.1 from a CA
 * made for this run; the server also listens on 127.0.0.2): an application node with {@code DB_SSLMODE=verify-full}
 * and the right {@code DB_SSLROOTCERT} is ready and every pooled connection is encrypted; with another CA, or
 * through a host the certificate does not list, the node logs one start-up line naming the setting and
 * {@code /health/ready} reports it.
 *
 * <p>Its own TLS primary (state {@code target/tls-services}, port {@code muejam.it.tls.primary.port}, default
 * 57436, Redis 57437); the nodes use the session's Redis and read from the primary only.
 */
class DatabaseTlsIT {

    private static LocalServices tlsServices;
    private static PgNode primary;
    private static TlsMaterial tls;
    private static TlsMaterial otherCa;
    private static int offset;

    @BeforeAll
    static void startTlsPrimary() throws Exception {
        Path stateDir = Path.of(System.getProperty("muejam.it.state.dir")).resolveSibling("tls-services");
        tlsServices = LocalServices.up(ServicesConfig.builder().stateDir(stateDir)
                .primaryPort(Integer.getInteger("muejam.it.tls.primary.port", 57436)).replicaPorts()
                .redisPort(Integer.getInteger("muejam.it.tls.redis.port", 57437)).build());
        primary = tlsServices.primary();
        Path certs = stateDir.resolveSibling("tls-certs");
        tls = TlsMaterial.generate(certs.resolve("right"), "MueJam test CA", "DNS:localhost", "IP:127.0.0.1");
        otherCa = TlsMaterial.generate(certs.resolve("other"), "Some other CA", "DNS:localhost", "IP:127.0.0.1");
        tls.enableOn(primary, "127.0.0.1,127.0.0.2");
        // the schema, released over verified TLS
        Migrations.update("jdbc:postgresql://localhost:" + primary.port() + "/" + primary.database(), primary.user(),
                "", new DatabaseTls("verify-full", tls.caCert().toString()), null);
        offset = Integer.getInteger("muejam.it.port.offset", 100);
    }

    @AfterAll
    static void stop() {
        if (tlsServices != null) {
            tlsServices.down();
        }
    }

    /** A fresh node (new copy of the server and EAR) on the TLS primary, reads on the primary too. */
    private static AppNode node(String name, int extraOffset, String host, String rootCert) throws IOException {
        Path dir = Path.of(System.getProperty("muejam.it.state.dir")).resolveSibling("nodes").resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Map<String, String> settings = new HashMap<>();
        for (String suffix : new String[] {"", "_2"}) {
            settings.put("DB_READ_HOST" + suffix, host);
            settings.put("DB_READ_PORT" + suffix, Integer.toString(primary.port()));
        }
        settings.put("DB_HOST", host);
        settings.put("DB_PORT", Integer.toString(primary.port()));
        settings.put("USE_READ_REPLICA", "false");
        settings.put("DB_SSLMODE", "verify-full");
        settings.put("DB_SSLROOTCERT", rootCert);
        return new AppNode(name, offset + extraOffset, settings);
    }

    @Test
    void verifyFullWithTheRightCaIsReadyAndEveryPooledConnectionIsEncrypted() throws Exception {
        try (AppNode node = node("tls-verified", 80, "localhost", tls.caCert().toString()).start()) {
            String health = get(node.url() + "health/ready");
            assertThat(health).contains("\"primary\":\"up\"");
            try (Connection c = Migrations.connect("jdbc:postgresql://localhost:" + primary.port() + "/postgres",
                    primary.user(), "", new DatabaseTls("verify-full", tls.caCert().toString()));
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE s.ssl)"
                         + " FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)"
                         + " WHERE a.application_name IN ('muejam-primary', 'muejam-replica', 'muejam-monitor')")) {
                rs.next();
                System.out.println("[tls-it] pooled connections: " + rs.getInt(1) + ", encrypted: " + rs.getInt(2));
                assertThat(rs.getInt(1)).isPositive();
                assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
            }
        }
    }

    @Test
    void anotherCaIsRefusedAtStartUpWithOneLineNamingDbSslRootCert() throws Exception {
        try (AppNode node = node("tls-wrong-ca", 90, "localhost", otherCa.caCert().toString()).launch()) {
            String line = node.awaitLogLine("database TLS: PrimaryDS: ", Duration.ofSeconds(240));
            System.out.println("[tls-it] " + line);
            assertThat(line).contains("SEVERE [com.muejam.infrastructure.routing.ReplicaMonitor]").contains("database TLS: PrimaryDS: TLS to localhost refused: the server"
                    + " certificate is not signed by a CA in DB_SSLROOTCERT (" + otherCa.caCert()
                    + "; DB_SSLMODE=verify-full)");
            String health = awaitHealthContaining(node, "DB_SSLROOTCERT");
            System.out.println("[tls-it] " + health);
            assertThat(health).contains("\"status\":\"DOWN\"");
        }
    }

    @Test
    void aHostOutsideTheCertificateIsRefusedAtStartUpNamingDbSslMode() throws Exception {
        try (AppNode node = node("tls-wrong-host", 100, "127.0.0.2", tls.caCert().toString()).launch()) {
            String line = node.awaitLogLine("database TLS: PrimaryDS: ", Duration.ofSeconds(240));
            System.out.println("[tls-it] " + line);
            assertThat(line).contains("database TLS: PrimaryDS: TLS to 127.0.0.2 refused: the server certificate does"
                    + " not name host '127.0.0.2' (DB_SSLMODE=verify-full checks the host name)");
        }
    }

    private static String awaitHealthContaining(AppNode node, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = get(node.url() + "health/ready");
                if (last.contains(text)) {
                    return last;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("/health/ready never mentioned " + text + "; last: " + last);
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
