package com.muejam.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.muejam.cache.TwoTierCacheConfig;
import com.muejam.services.TlsMaterial;
import com.muejam.services.internal.Binaries;

/**
 * {@code rediss://} with {@code VALKEY_CA_CERT} against the project's Redis 7.0.15 binary (built with TLS) started
 * with {@code --tls-port} only (no plain port), a certificate for localhost/127.0.0.1 from a CA made for this run,
 * bound to 127.0.0.1 and 127.0.0.2. Port {@code jcache.test.tlsRedisPort}, default 57435.
 */
class RedisTlsTest {

    private static Process redis;
    private static TlsMaterial tls;
    private static TlsMaterial otherCa;
    private static int port;

    @BeforeAll
    static void startTlsRedis() throws Exception {
        port = Integer.getInteger("jcache.test.tlsRedisPort", 57435);
        Path dir = Files.createTempDirectory("muejam-redis-tls-");
        tls = TlsMaterial.generate(dir.resolve("right"), "MueJam test CA", "DNS:localhost", "IP:127.0.0.1");
        otherCa = TlsMaterial.generate(dir.resolve("other"), "Some other CA", "DNS:localhost", "IP:127.0.0.1");
        redis = new ProcessBuilder(List.of(Binaries.redisServer().toString(), "--port", "0",
                "--tls-port", Integer.toString(port), "--bind", "127.0.0.1", "127.0.0.2",
                "--tls-cert-file", tls.serverCert().toString(), "--tls-key-file", tls.serverKey().toString(),
                "--tls-ca-cert-file", tls.caCert().toString(), "--tls-auth-clients", "no",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !redis.isAlive()) {
                    throw new IllegalStateException("TLS Redis did not start: "
                            + Files.readString(dir.resolve("redis.log"), StandardCharsets.UTF_8));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.destroy();
            redis.waitFor();
        }
    }

    private static RedissonClient client(String url, String caCert) {
        TwoTierCacheConfig cfg = TwoTierCacheConfig.builder().valkeyUrl(url).valkeyCaCert(caCert)
                .l2Timeout(java.time.Duration.ofSeconds(3)).build();
        return Redisson.create(RedisL2.redissonConfig(cfg, "muejam-tls-test", null));
    }

    @Test
    void redissWithTheRightCaConnectsAndServes() {
        RedissonClient c = client("rediss://localhost:" + port + "/0", tls.caCert().toString());
        try {
            c.getBucket("tls:probe", StringCodec.INSTANCE).set("over TLS");
            assertThat(c.getBucket("tls:probe", StringCodec.INSTANCE).get()).isEqualTo("over TLS");
        } finally {
            c.shutdown();
        }
        // and through the IP address the certificate lists
        RedissonClient byIp = client("rediss://127.0.0.1:" + port, tls.caCert().toString());
        try {
            assertThat(byIp.getBucket("tls:probe", StringCodec.INSTANCE).get()).isEqualTo("over TLS");
        } finally {
            byIp.shutdown();
        }
    }

    @Test
    void anotherCaIsRefused() {
        RedissonClient c = client("rediss://localhost:" + port, otherCa.caCert().toString());
        try {
            assertThatThrownBy(() -> c.getBucket("tls:probe", StringCodec.INSTANCE).get())
                    .satisfies(e -> System.out.println("[redis-tls] other CA: " + chain(e)))
                    .satisfies(e -> assertThat(chain(e)).containsAnyOf("PKIX path", "unable to find valid certification path"))
                    .satisfies(e -> assertThat(RedisL2.tlsRefusal(e, TwoTierCacheConfig.builder()
                            .valkeyUrl("rediss://localhost:" + port).valkeyCaCert(otherCa.caCert().toString()).build()))
                            .hasValue("TLS to Redis localhost refused: the server certificate is not signed by a CA in"
                                    + " VALKEY_CA_CERT (" + otherCa.caCert() + "); set VALKEY_CA_CERT to the PEM bundle"
                                    + " of the CA that signed it"));
        } finally {
            c.shutdown();
        }
    }

    @Test
    void aHostTheCertificateDoesNotListIsRefused() {
        RedissonClient c = client("rediss://127.0.0.2:" + port, tls.caCert().toString());
        try {
            assertThatThrownBy(() -> c.getBucket("tls:probe", StringCodec.INSTANCE).get())
                    .satisfies(e -> System.out.println("[redis-tls] host: " + chain(e)))
                    .satisfies(e -> assertThat(chain(e)).contains("127.0.0.2"))
                    .satisfies(e -> assertThat(RedisL2.tlsRefusal(e, TwoTierCacheConfig.builder()
                            .valkeyUrl("rediss://127.0.0.2:" + port).build()).orElseThrow())
                            .startsWith("TLS to Redis 127.0.0.2 refused: the server certificate does not name host"
                                    + " '127.0.0.2' (rediss:// checks the host name)"));
        } finally {
            c.shutdown();
        }
    }

    @Test
    void theCacheTierReadsRedisOverTls() {
        TwoTierCacheConfig cfg = TwoTierCacheConfig.builder().valkeyUrl("rediss://localhost:" + port)
                .valkeyCaCert(tls.caCert().toString()).namespace("tls-node").l2Timeout(java.time.Duration.ofSeconds(3))
                .build();
        RedisL2 l2 = new RedisL2(cfg, "muejam-tls-node", new Breaker(3, com.muejam.cache.BreakerState.CLOSED, () -> { }),
                new java.util.concurrent.atomic.LongAdder(), null);
        try {
            l2.client().getBucket("tls-node:k", org.redisson.client.codec.ByteArrayCodec.INSTANCE)
                    .set("cached".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(l2.get("tls-node:k"), StandardCharsets.UTF_8)).isEqualTo("cached");
        } finally {
            l2.client().shutdown();
        }
    }

    @Test
    void badSettingsAreRefusedNamingThem() throws Exception {
        assertThatThrownBy(() -> TwoTierCacheConfig.builder().valkeyUrl("redis://localhost:" + port)
                .valkeyCaCert(tls.caCert().toString()).build())
                .hasMessageContaining("VALKEY_CA_CERT is set").hasMessageContaining("VALKEY_URL is not a rediss:// URL");
        String missing = tls.dir().resolve("missing.pem").toString();
        assertThatThrownBy(() -> client("rediss://localhost:" + port, missing))
                .hasMessageStartingWith("VALKEY_CA_CERT (" + missing + ") cannot be read as a PEM CA bundle");
        Path notPem = Files.writeString(tls.dir().resolve("not.pem"), "hello");
        assertThatThrownBy(() -> client("rediss://localhost:" + port, notPem.toString()))
                .hasMessageStartingWith("VALKEY_CA_CERT (" + notPem + ")");
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" <- ");
        }
        return b.toString();
    }
}
