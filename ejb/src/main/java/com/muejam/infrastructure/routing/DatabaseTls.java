package com.muejam.infrastructure.routing;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Explains a connection refused by TLS in one sentence that names the setting to fix. The pools get
 * {@code sslmode}/{@code sslrootcert} from {@code DB_SSLMODE}/{@code DB_SSLROOTCERT} (primary) and
 * {@code DB_READ_SSLMODE}/{@code DB_READ_SSLROOTCERT} (replicas, each defaulting to the primary's), resolved by
 * the server as a system property, else the environment variable, else the default (server-config's
 * configure-wildfly.cli); this class reads them the same way, for the message only. The sentences are the same
 * as the release tool's ({@code com.muejam.liquibase.DatabaseTls}).
 */
public final class DatabaseTls {

    private DatabaseTls() {
    }

    /** The explanation for a failure of {@code route}'s pool, with the settings of this process. */
    public static Optional<String> explain(Route route, Throwable failure) {
        return explain(route, failure, DatabaseTls::setting);
    }

    /** The same, reading each setting through {@code settings} (name to value, null when unset). */
    static Optional<String> explain(Route route, Throwable failure, UnaryOperator<String> settings) {
        boolean replica = route.isReplica();
        String modeVariable = replica ? "DB_READ_SSLMODE" : "DB_SSLMODE";
        String rootVariable = replica ? "DB_READ_SSLROOTCERT" : "DB_SSLROOTCERT";
        String mode = first(settings, replica ? new String[] {"DB_READ_SSLMODE", "DB_SSLMODE"} : new String[] {"DB_SSLMODE"});
        String root = first(settings, replica ? new String[] {"DB_READ_SSLROOTCERT", "DB_SSLROOTCERT"}
                : new String[] {"DB_SSLROOTCERT"});
        String host = switch (route) {
            case PRIMARY -> first(settings, "DB_HOST");
            case REPLICA -> first(settings, "DB_READ_HOST", "DB_HOST");
            case REPLICA_2 -> first(settings, "DB_READ_HOST_2", "DB_READ_HOST", "DB_HOST");
        };
        Optional<String> why = explain(failure, host == null ? "localhost" : host, mode == null ? "prefer" : mode, root,
                modeVariable, rootVariable);
        return why.map(w -> route.poolName() + ": " + w);
    }

    /** The sentence for a TLS refusal by {@code host}; empty when {@code failure} is not one. */
    static Optional<String> explain(Throwable failure, String host, String sslMode, String sslRootCert,
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
                || lower.contains("certpathvalidatorexception") || lower.contains("signature check failed")
                || lower.contains("trust anchor")) {
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

    /** As the server resolves {@code ${NAME}}: the system property, else the environment variable. */
    static String setting(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String first(UnaryOperator<String> settings, String... names) {
        for (String n : names) {
            String v = settings.apply(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
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
}
