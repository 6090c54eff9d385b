package com.muejam.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and a server certificate it signed, made with the machine's {@code openssl}
 * for tests of verified TLS (PostgreSQL {@code sslmode=verify-full}, Redis {@code rediss://}). Nothing here is
 * meant for anything but a local test cluster: the keys are unencrypted and live two days.
 *
 * @param dir        where the files are
 * @param caCert     the CA certificate (PEM), what a client trusts ({@code DB_SSLROOTCERT})
 * @param serverCert the server certificate (PEM), signed by the CA
 * @param serverKey  the server's private key (PEM, mode 0600)
 */
public record TlsMaterial(Path dir, Path caCert, Path serverCert, Path serverKey) {

    /** Why {@link #enableOn} refuses the containers mode (it writes into the server's own data directory). */
    static final String TLS_PROJECT_STARTED_ONLY =
            "TLS is set up on the project-started services only; omit -Dmuejam.services";

    /**
     * Generates a CA named {@code caName} and a server certificate for CN {@code localhost} with the given
     * subject alternative names (e.g. {@code DNS:localhost}, {@code IP:127.0.0.1}) into {@code dir}.
     */
    public static TlsMaterial generate(Path dir, String caName, String... subjectAltNames) {
        try {
            Files.createDirectories(dir);
            Path caKey = dir.resolve("ca.key");
            Path ca = dir.resolve("ca.crt");
            Path key = dir.resolve("server.key");
            Path csr = dir.resolve("server.csr");
            Path crt = dir.resolve("server.crt");
            Path ext = dir.resolve("server.ext");
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
                    "-keyout", caKey.toString(), "-out", ca.toString(), "-subj", "/CN=" + caName,
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", key.toString(),
                    "-out", csr.toString(), "-subj", "/CN=localhost");
            Files.writeString(ext, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                    + "extendedKeyUsage=serverAuth\nsubjectAltName=" + String.join(",", subjectAltNames) + "\n");
            openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                    "-CAcreateserial", "-days", "2", "-sha256", "-extfile", ext.toString(), "-out", crt.toString());
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            return new TlsMaterial(dir, ca, crt, key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write TLS material to " + dir, e);
        }
    }

    /**
     * Turns TLS on for a running PostgreSQL node of the project-started services: copies the server certificate
     * and key into its data directory, sets {@code ssl = on} (plus {@code listen_addresses}, when given, e.g.
     * {@code 127.0.0.1,127.0.0.2} so a test can reach the server through an address outside the certificate)
     * with {@code ALTER SYSTEM}, and restarts it. Plain connections stay allowed (pg_hba is unchanged), so the
     * services' own housekeeping goes on as before. In the containers mode it fails at once.
     */
    public void enableOn(PgNode node, String listenAddresses) {
        if (Mode.testcontainers()) {
            throw new ServicesException(TLS_PROJECT_STARTED_ONLY);
        }
        try {
            Path data = node.dataDir();
            Files.copy(serverCert, data.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(serverKey, data.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(data.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the certificate into " + node.dataDir(), e);
        }
        Properties p = new Properties();
        p.setProperty("user", node.user());
        p.setProperty("password", node.password());
        p.setProperty("sslmode", "disable");
        try (Connection c = new org.postgresql.Driver().connect(node.jdbcUrl(), p); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET ssl = on");
            st.execute("ALTER SYSTEM SET ssl_cert_file = 'server.crt'");
            st.execute("ALTER SYSTEM SET ssl_key_file = 'server.key'");
            if (listenAddresses != null) {
                st.execute("ALTER SYSTEM SET listen_addresses = '" + listenAddresses.replace("'", "") + "'");
            } else {
                st.execute("ALTER SYSTEM RESET listen_addresses");
            }
        } catch (SQLException e) {
            throw new ServicesException("could not enable TLS on " + node.name() + ": " + e.getMessage(), e);
        }
        node.restart();
    }

    /** Turns TLS off again on {@code node} (the settings {@link #enableOn} made are reset) and restarts it. */
    public static void disableOn(PgNode node) {
        Properties p = new Properties();
        p.setProperty("user", node.user());
        p.setProperty("password", node.password());
        p.setProperty("sslmode", "disable");
        try (Connection c = new org.postgresql.Driver().connect(node.jdbcUrl(), p); Statement st = c.createStatement()) {
            for (String setting : List.of("ssl", "ssl_cert_file", "ssl_key_file", "listen_addresses")) {
                st.execute("ALTER SYSTEM RESET " + setting);
            }
        } catch (SQLException e) {
            throw new ServicesException("could not disable TLS on " + node.name() + ": " + e.getMessage(), e);
        }
        node.restart();
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "openssl-", ".out");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ServicesException("openssl timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new ServicesException("openssl failed (exit " + p.exitValue() + "): " + String.join(" ", cmd)
                        + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServicesException("interrupted while running openssl", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
