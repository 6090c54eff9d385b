package com.muejam.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;
import com.muejam.services.TlsMaterial;

/**
 * Verified TLS to a project-started PostgreSQL with {@code ssl = on}: a server certificate for {@code localhost}
 * and 127.0.0.1 signed by a CA generated for this run. {@code DB_SSLMODE=verify-full} with that CA as
 * {@code DB_SSLROOTCERT} connects and releases the schema; another CA, a missing bundle, or a host name the
 * certificate does not list are refused with a message naming the setting.
 *
 * <p>Its own services (state {@code muejam.tls.stateDir}, primary {@code muejam.tls.primaryPort}, default 57432,
 * Redis {@code muejam.tls.redisPort}, default 57439), so TLS never reaches another test's cluster.
 */
class DatabaseTlsTest {

    private static LocalServices services;
    private static PgNode primary;
    private static TlsMaterial tls;
    private static TlsMaterial otherCa;

    @BeforeAll
    static void startTlsPrimary() throws Exception {
        Path stateDir = Path.of(System.getProperty("muejam.tls.stateDir",
                System.getProperty("java.io.tmpdir") + "/muejam-tls-services"));
        services = LocalServices.up(ServicesConfig.builder().stateDir(stateDir)
                .primaryPort(Integer.getInteger("muejam.tls.primaryPort", 57432)).replicaPorts()
                .redisPort(Integer.getInteger("muejam.tls.redisPort", 57439)).build());
        primary = services.primary();
        Path certs = Files.createTempDirectory("muejam-tls-");
        tls = TlsMaterial.generate(certs.resolve("right"), "MueJam test CA", "DNS:localhost", "IP:127.0.0.1");
        otherCa = TlsMaterial.generate(certs.resolve("other"), "Some other CA", "DNS:localhost", "IP:127.0.0.1");
        // 127.0.0.2 too: the same server through an address its certificate does not list
        tls.enableOn(primary, "127.0.0.1,127.0.0.2");
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.down();
        }
    }

    /** The message an operator sees, in the test output. */
    private static void show(Throwable e) {
        System.out.println("[tls-refusal] " + e.getMessage());
    }

    private static String url(String host, String database) {
        return "jdbc:postgresql://" + host + ":" + primary.port() + "/" + database;
    }

    @Test
    void verifyFullWithTheRightCaConnectsOverTlsAndLiquibaseUpdateRuns() throws Exception {
        DatabaseTls settings = new DatabaseTls("verify-full", tls.caCert().toString());
        try (Connection admin = Migrations.connect(url("localhost", "postgres"), primary.user(), "", settings);
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS lb_tls WITH (FORCE)");
            st.execute("CREATE DATABASE lb_tls");
        }
        for (String host : new String[] {"localhost", "127.0.0.1"}) { // both are in the certificate
            try (Connection c = Migrations.connect(url(host, "lb_tls"), primary.user(), "", settings);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("connection to %s is encrypted", host).isTrue();
                assertThat(rs.getString(2)).startsWith("TLSv1.");
            }
        }

        Migrations.update(url("localhost", "lb_tls"), primary.user(), "", settings, null);

        try (Connection c = Migrations.connect(url("localhost", "lb_tls"), primary.user(), "", settings)) {
            assertThat(Migrations.pendingChangeSets(c, null)).isEmpty();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                            + " AND table_name = ANY (ARRAY['user_profiles', 'stories', 'sessions'])")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void theLiquibaseCliReleasesOverVerifiedTlsWithTheSettingsInTheUrl() throws Exception {
        DatabaseTls settings = new DatabaseTls("verify-full", tls.caCert().toString());
        try (Connection admin = Migrations.connect(url("localhost", "postgres"), primary.user(), "", settings);
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS lb_tls_cli WITH (FORCE)");
            st.execute("CREATE DATABASE lb_tls_cli");
        }
        // what liquibase/README.md documents: LIQUIBASE_COMMAND_URL="...?sslmode=${DB_SSLMODE}&sslrootcert=${DB_SSLROOTCERT}"
        String wrongCa = url("localhost", "lb_tls_cli") + "?sslmode=verify-full&sslrootcert=" + otherCa.caCert();
        assertThat(cli(wrongCa, "update")).as("exit code with a CA that did not sign the certificate").isNotZero();

        String url = url("localhost", "lb_tls_cli") + "?sslmode=verify-full&sslrootcert=" + tls.caCert();
        assertThat(cli(url, "update")).isZero();
        try (Connection c = Migrations.connect(url("localhost", "lb_tls_cli"), primary.user(), "", settings)) {
            assertThat(Migrations.pendingChangeSets(c, null)).isEmpty();
        }
    }

    private static int cli(String url, String command) {
        return new liquibase.integration.commandline.LiquibaseCommandLine().execute(new String[] {
            "--show-banner=false", "--url=" + url, "--username=" + primary.user(),
            "--changelog-file=" + Migrations.CHANGELOG, command});
    }

    @Test
    void aCaThatDidNotSignTheServerCertificateIsRefusedNamingDbSslRootCert() {
        DatabaseTls settings = new DatabaseTls("verify-full", otherCa.caCert().toString());
        assertThatThrownBy(() -> Migrations.update(url("localhost", "postgres"), primary.user(), "", settings, null))
                .isInstanceOf(IllegalStateException.class)
                .satisfies(DatabaseTlsTest::show)
                .hasMessageContaining("TLS to localhost refused: the server certificate is not signed by a CA in"
                        + " DB_SSLROOTCERT (" + otherCa.caCert() + "; DB_SSLMODE=verify-full)");
        // verify-ca checks the chain as well
        DatabaseTls verifyCa = new DatabaseTls("verify-ca", otherCa.caCert().toString());
        assertThatThrownBy(() -> Migrations.connect(url("localhost", "postgres"), primary.user(), "", verifyCa))
                .hasMessageContaining("not signed by a CA in DB_SSLROOTCERT");
    }

    @Test
    void aMissingCaBundleIsRefusedNamingDbSslRootCert() {
        String missing = tls.dir().resolve("no-such-bundle.pem").toString();
        DatabaseTls settings = new DatabaseTls("verify-full", missing);
        assertThatThrownBy(() -> Migrations.connect(url("localhost", "postgres"), primary.user(), "", settings))
                .satisfies(DatabaseTlsTest::show)
                .hasMessageContaining("DB_SSLROOTCERT (" + missing + ") cannot be read");
    }

    @Test
    void aHostTheCertificateDoesNotListIsRefusedUnderVerifyFullNamingDbSslMode() throws Exception {
        DatabaseTls verifyFull = new DatabaseTls("verify-full", tls.caCert().toString());
        assertThatThrownBy(() -> Migrations.connect(url("127.0.0.2", "postgres"), primary.user(), "", verifyFull))
                .satisfies(DatabaseTlsTest::show)
                .hasMessageContaining("TLS to 127.0.0.2 refused: the server certificate does not name host"
                        + " '127.0.0.2' (DB_SSLMODE=verify-full checks the host name)");
        // the same server and CA under verify-ca (no host check) connects: the refusal above is the host check
        try (Connection c = Migrations.connect(url("127.0.0.2", "postgres"), primary.user(), "",
                new DatabaseTls("verify-ca", tls.caCert().toString()))) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void theDefaultPreferChecksNothingAndAMistypedModeIsRefused() throws Exception {
        // the default prefer never checks anything: a connection with the wrong CA still succeeds
        try (Connection c = Migrations.connect(url("localhost", "postgres"), primary.user(), "",
                new DatabaseTls(null, otherCa.caCert().toString()))) {
            assertThat(c.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> new DatabaseTls("verify_full", null))
                .hasMessage("DB_SSLMODE must be one of disable, allow, prefer, require, verify-ca, verify-full;"
                        + " got 'verify_full'");
    }
}
