package com.muejam.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import com.muejam.liquibase.Migrations;
import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;

/**
 * Brings up the project-started services once for the whole test run, before Arquillian starts WildFly:
 * PostgreSQL primary + streaming replica and Redis on the ports failsafe passes, the schema applied with
 * Liquibase, and the application's variables written to a properties file that WildFly loads at boot.
 * With {@code -Dmuejam.services=testcontainers} the same happens on Docker containers.
 */
public class ServicesSession implements LauncherSessionListener {

    private static volatile LocalServices services;

    /** The running services, for client-side tests that pause, kill or restart them. */
    public static LocalServices services() {
        if (services == null) {
            throw new IllegalStateException("services are not started: run the tests through Maven (failsafe)");
        }
        return services;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("muejam.it.state.dir") == null) {
            return; // not a failsafe run of this module (e.g. an IDE run of a single class without the properties)
        }
        ServicesConfig config = ServicesConfig.builder()
                .stateDir(Path.of(System.getProperty("muejam.it.state.dir")))
                .primaryPort(Integer.getInteger("muejam.it.primary.port"))
                .replicaPorts(Arrays.stream(System.getProperty("muejam.it.replica.ports").split(","))
                        .mapToInt(Integer::parseInt).toArray())
                .redisPort(Integer.getInteger("muejam.it.redis.port"))
                .build();
        services = LocalServices.up(config);
        PgNode primary = services.primary();
        Migrations.update(primary.jdbcUrl(), primary.user(), primary.password(), null);
        System.setProperty("muejam.it.properties", writeServerProperties(services.environment()).toString());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (services != null && !Boolean.getBoolean("muejam.services.keep")) {
            services.down();
        }
    }

    private static Path writeServerProperties(Map<String, String> environment) {
        Properties properties = new Properties();
        properties.putAll(environment);
        // Tests sign up and sign in hundreds of users on 2 cores: a cheaper (still salted, still PBKDF2) work factor.
        // Production keeps the default (600,000); hashes record their own iteration count.
        properties.setProperty("PASSWORD_PBKDF2_ITERATIONS", "10000");
        // TOTP secrets are sealed with this key; a fresh random one per test session (never a key in the repository).
        byte[] totpKey = new byte[32];
        new java.security.SecureRandom().nextBytes(totpKey);
        properties.setProperty("TOTP_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(totpKey));
        // The tests are the proxy: X-Forwarded-For from the test JVM gives a test its own client address, so
        // throttling tests do not throttle the other tests (which all come from 127.0.0.1).
        properties.setProperty("TRUSTED_PROXIES", "127.0.0.1,::1");
        // Tests sign up, sign in and write hundreds of times a minute from one address: generous write limits,
        // except one limit that only RateLimitIT exercises, set low to see the 429.
        properties.setProperty("RATE_LIMIT_WRITES_PER_MINUTE", "100000");
        properties.setProperty("RATE_LIMIT_2FA_SETUP", "3");
        // Every response says how many SQL statements it cost (MueJam-Statements): StatementCountIT compares them.
        properties.setProperty("STATEMENT_COUNT_HEADER", "true");
        Path file = Path.of(System.getProperty("muejam.it.state.dir"), "wildfly.properties");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "application variables for the test server");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }
}
