package com.muejam.liquibase;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * TLS settings of a database connection, named as everywhere in MueJam: {@code DB_SSLMODE} (pgjdbc's
 * {@code sslmode}, default {@code prefer}) and {@code DB_SSLROOTCERT} (pgjdbc's {@code sslrootcert}, the CA
 * bundle a {@code verify-ca}/{@code verify-full} connection trusts; unset = pgjdbc's default
 * {@code ~/.postgresql/root.crt}), and the translation of a TLS failure into one sentence naming the setting.
 *
 * @param sslMode     the value of {@code DB_SSLMODE}, or null for the default
 * @param sslRootCert the value of {@code DB_SSLROOTCERT}, or null for pgjdbc's default file
 */
public record DatabaseTls(String sslMode, String sslRootCert) {

    public static final String SSLMODE = "DB_SSLMODE";
    public static final String SSLROOTCERT = "DB_SSLROOTCERT";
    public static final String DEFAULT_SSLMODE = "prefer";

    public DatabaseTls {
        sslMode = blankToNull(sslMode);
        sslRootCert = blankToNull(sslRootCert);
        if (sslMode != null && !java.util.List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
                .contains(sslMode)) {
            throw new IllegalArgumentException(SSLMODE + " must be one of disable, allow, prefer, require, verify-ca,"
                    + " verify-full; got '" + sslMode + "'");
        }
    }

    /** {@code DB_SSLMODE} and {@code DB_SSLROOTCERT} from the process environment. */
    public static DatabaseTls fromEnvironment() {
        return new DatabaseTls(System.getenv(SSLMODE), System.getenv(SSLROOTCERT));
    }

    /** The effective sslmode: the setting, else {@value #DEFAULT_SSLMODE}. */
    public String effectiveSslMode() {
        return sslMode == null ? DEFAULT_SSLMODE : sslMode;
    }

    /** Adds {@code sslmode} and, when set, {@code sslrootcert} to the driver properties. */
    public Properties applyTo(Properties driverProperties) {
        driverProperties.setProperty("sslmode", effectiveSslMode());
        if (sslRootCert != null) {
            driverProperties.setProperty("sslrootcert", sslRootCert);
        }
        return driverProperties;
    }

    /**
     * One sentence naming the setting to fix when {@code failure} (a connection attempt to {@code host}) is a TLS
     * refusal; empty for any other failure.
     */
    public Optional<String> explain(Throwable failure, String host) {
        return explain(failure, host, effectiveSslMode(), sslRootCert, SSLMODE, SSLROOTCERT);
    }

    /**
     * The same for any pair of variable names (the replica pools use {@code DB_READ_SSLMODE} and
     * {@code DB_READ_SSLROOTCERT}).
     */
    public static Optional<String> explain(Throwable failure, String host, String sslMode, String sslRootCert,
                                           String modeVariable, String rootCertVariable) {
        String all = messages(failure);
        String lower = all.toLowerCase(Locale.ROOT);
        String root = sslRootCert == null ? "unset, so ~/.postgresql/root.crt" : sslRootCert;
        String mode = modeVariable + "=" + sslMode;
        if (lower.contains("could not open ssl root certificate file")
                || lower.contains("could not read ssl root certificate file")
                || lower.contains("loading the ssl root certificate")) {
            return Optional.of("TLS to " + host + " refused: " + rootCertVariable + " (" + root + ") cannot be read"
                    + " as a PEM CA bundle (" + mode + " needs one to check the server certificate); set "
                    + rootCertVariable + " to the CA bundle file, e.g. the RDS global bundle");
        }
        if (lower.contains("could not be verified by hostnameverifier")) {
            return Optional.of("TLS to " + host + " refused: the server certificate does not name host '" + host
                    + "' (" + mode + " checks the host name); connect through a name the certificate lists (on RDS the"
                    + " instance or cluster endpoint, not an IP address or a CNAME of your own)");
        }
        if (lower.contains("pkix path") || lower.contains("unable to find valid certification path")
                || lower.contains("certpathvalidatorexception") || lower.contains("signature check failed") || lower.contains("trust anchor")) {
            return Optional.of("TLS to " + host + " refused: the server certificate is not signed by a CA in "
                    + rootCertVariable + " (" + root + "; " + mode + "); set " + rootCertVariable
                    + " to the bundle of the CA that signed it, for RDS the global bundle (global-bundle.pem)");
        }
        if (lower.contains("the server does not support ssl")) {
            return Optional.of("TLS to " + host + " refused: " + mode + " requires TLS but the server does not offer"
                    + " it; turn ssl on at the server or lower " + modeVariable);
        }
        if (lower.contains("no pg_hba.conf entry") && lower.contains("no encryption")) {
            return Optional.of("TLS to " + host + " refused: the server accepts only encrypted connections and "
                    + mode + " did not use TLS; set " + modeVariable + "=verify-full (with " + rootCertVariable + ")");
        }
        if (lower.contains("ssl error") || lower.contains("sslhandshakeexception")) {
            return Optional.of("TLS to " + host + " failed (" + mode + ", " + rootCertVariable + " " + root + "): "
                    + firstLine(all));
        }
        return Optional.empty();
    }

    private static String messages(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
