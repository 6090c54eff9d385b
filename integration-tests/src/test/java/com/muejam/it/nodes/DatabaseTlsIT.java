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
 * and the right {@code DB_SSLROOTCERT} is ready, every pooled connection is encrypted, and its cache tier works
 * over {@code rediss://} with {@code VALKEY_CA_CERT} against a TLS-only Redis (same CA); with another CA, or
 * through a host the certificate does not list, the node logs one start-up line naming the setting and the public
 * {@code /health/ready} says DOWN (and nothing more).
 *
 * <p>Its own TLS primary (state {@code target/tls-services}, port {@code muejam.it.tls.primary.port}, default
 * 57436, Redis 57437; TLS Redis {@code muejam.it.tls.valkey.port}, 57433); the refused nodes use the session's
 * Redis; all read from the primary only. Run it in one reactor with the EAR it tests
 * ({@code -pl jcache-two-tier,ejb,web,ear,integration-tests -Dtest=NONE}), since a shared local repository may hold
 * another build's EAR.
 */
class DatabaseTlsIT {

    private static LocalServices tlsServices;
    private static PgNode primary;
    private static TlsMaterial tls;
    private static TlsMaterial otherCa;
    private static int offset;
    private static Process tlsRedis;
    private static int tlsRedisPort;

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
        // Redis with TLS only (the project's 7.0.15 binary is built with TLS), same CA
        tlsRedisPort = Integer.getInteger("muejam.it.tls.valkey.port", 57433);
        Path redisDir = Files.createDirectories(stateDir.resolve("tls-redis"));
        tlsRedis = new ProcessBuilder(com.muejam.services.internal.Binaries.redisServer().toString(), "--port", "0",
                "--tls-port", Integer.toString(tlsRedisPort), "--bind", "127.0.0.1",
                "--tls-cert-file", tls.serverCert().toString(), "--tls-key-file", tls.serverKey().toString(),
                "--tls-ca-cert-file", tls.caCert().toString(), "--tls-auth-clients", "no",
                "--save", "", "--appendonly", "no", "--dir", redisDir.toString())
                .redirectErrorStream(true).redirectOutput(redisDir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", tlsRedisPort)) {
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !tlsRedis.isAlive()) {
                    throw new IllegalStateException("TLS Redis did not start, see " + redisDir.resolve("redis.log"));
                }
                Thread.sleep(50);
            }
        }
    }

    /** One command to the TLS Redis over verified TLS (trusting the test CA); the raw RESP reply. */
    private static String redisCommand(String command) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (java.io.InputStream in = Files.newInputStream(tls.caCert())) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket("localhost", tlsRedisPort)) {
            javax.net.ssl.SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((command + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            byte[] buf = new byte[65536];
            int n = socket.getInputStream().read(buf);
            return new String(buf, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (tlsRedis != null) {
            tlsRedis.destroy();
            tlsRedis.waitFor();
        }
        if (tlsServices != null) {
            tlsServices.down();
        }
    }

    /** A fresh node (new copy of the server and EAR) on the TLS primary, reads on the primary too. */
    private static AppNode node(String name, int extraOffset, String host, String rootCert) throws IOException {
        return node(name, extraOffset, host, rootCert, Map.of());
    }

    private static AppNode node(String name, int extraOffset, String host, String rootCert, Map<String, String> more)
            throws IOException {
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
        settings.putAll(more);
        return new AppNode(name, offset + extraOffset, settings);
    }

    @Test
    void verifyFullWithTheRightCaIsReadyAndEveryPooledConnectionIsEncrypted() throws Exception {
        // the cache tier over rediss:// with the same CA
        // and /metrics kept for operators (METRICS_PUBLIC=false), as on a node whose HTTP port the public reaches
        Map<String, String> valkey = Map.of("VALKEY_URL", "rediss://localhost:" + tlsRedisPort + "/0",
                "VALKEY_CA_CERT", tls.caCert().toString(), "METRICS_PUBLIC", "false");
        try (AppNode node = node("tls-verified", 80, "localhost", tls.caCert().toString(), valkey).start()) {
            String clients = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!clients.contains("name=muejam-cache-") && System.nanoTime() < deadline) {
                get(node.url() + "api/discover/newest"); // a cached read, so the L2 is used
                clients = redisCommand("CLIENT LIST");
                Thread.sleep(200);
            }
            System.out.println("[tls-it] redis clients over TLS: " + clients.lines().filter(l -> l.contains("muejam-cache-")).count());
            assertThat(clients).as("the node's cache clients on the TLS-only Redis").contains("name=muejam-cache-");

            assertThat(get(node.url() + "health/ready"))
                    .isEqualTo("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
            assertMetricsForOperatorsOnly(node);
            try (Connection c = tlsPrimary();
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
            // the public answer says DOWN and nothing about why (the log line above does, for operators)
            String health = awaitHealthContaining(node, "\"status\":\"DOWN\"");
            System.out.println("[tls-it] " + health);
            assertThat(health).isEqualTo("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"}]}");
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

    private static Connection tlsPrimary() throws Exception {
        return Migrations.connect("jdbc:postgresql://localhost:" + primary.port() + "/" + primary.database(), primary.user(), "",
                new DatabaseTls("verify-full", tls.caCert().toString()));
    }

    /** METRICS_PUBLIC=false: anonymous 401 and a plain user 403 (problem+json), a moderator gets the text. */
    private static void assertMetricsForOperatorsOnly(AppNode node) throws Exception {
        com.muejam.it.routing.AppClient app = new com.muejam.it.routing.AppClient(node.url());
        HttpResponse<String> anonymous = app.get("metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.body()).contains("METRICS_PUBLIC=false").doesNotContain("muejam_");
        com.muejam.it.routing.AppClient.User user = app.signUp("scraper");
        HttpResponse<String> plain = app.get("metrics", user.auth());
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        try (Connection c = tlsPrimary(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE user_credentials SET role = 'moderator' WHERE user_id = " + user.id());
        }
        String token = app.signIn(user.username(), com.muejam.it.routing.AppClient.PASSWORD);
        HttpResponse<String> operator = app.get("metrics", "Authorization", "Bearer " + token);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("muejam_pool_max_size");
        System.out.println("[tls-it] METRICS_PUBLIC=false: anonymous 401, user 403, moderator 200");
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
