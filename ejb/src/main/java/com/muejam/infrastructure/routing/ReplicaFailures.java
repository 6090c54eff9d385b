package com.muejam.infrastructure.routing;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Set;

import com.muejam.infrastructure.pools.PoolExhaustion;

/**
 * Classifies a failed read on a replica: a connection-level failure (the replica is down, restarting or not
 * answering) is retried on the primary and takes the replica out of rotation; a full replica pool is retried
 * on the primary only; anything else (a bad query, a statement timeout, a constraint) is the caller's.
 */
final class ReplicaFailures {

    enum Kind {
        /** SQLState class 08, a server shutting down or starting (57P01-57P03), too many connections, I/O errors. */
        CONNECTION,
        /** Every connection of the replica's pool was busy for the whole acquisition timeout. */
        POOL_FULL,
        /** Not a replica problem. */
        OTHER
    }

    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03", "53300");

    private ReplicaFailures() {
    }

    static Kind classify(Throwable e) {
        if (PoolExhaustion.isPoolFull(e)) {
            return Kind.POOL_FULL;
        }
        if (PoolExhaustion.isCreationTimeout(e)) {
            return Kind.CONNECTION;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || SERVER_GONE.contains(state))) {
                    return Kind.CONNECTION;
                }
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof SocketException) {
                return Kind.CONNECTION;
            }
        }
        return Kind.OTHER;
    }

    /**
     * A short description for logs and health: for a connection refused by TLS the sentence naming the setting
     * ({@link DatabaseTls}), else the innermost message.
     */
    static String describe(Route route, Throwable e) {
        return DatabaseTls.explain(route, e).orElseGet(() -> describe(e));
    }

    /** A short description for logs and health: the innermost message. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
