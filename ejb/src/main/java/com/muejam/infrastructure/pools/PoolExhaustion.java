package com.muejam.infrastructure.pools;

import java.sql.SQLException;
import java.util.Optional;

import com.muejam.application.operations.PoolExhaustedException;

/**
 * Recognises a pool acquisition timeout in an exception chain, however the persistence provider and the
 * transaction manager wrapped it. Agroal (WildFly) raises a plain {@link SQLException} without SQLState:
 * "Sorry, acquisition timeout!" when the pool is full, "Acquisition timeout while waiting for new connection"
 * when opening a connection took too long (the server does not answer).
 */
public final class PoolExhaustion {

    /** Agroal's messages; the second also wraps a {@code TimeoutException}. */
    private static final String POOL_FULL = "Sorry, acquisition timeout!";
    private static final String CREATION_TIMEOUT = "Acquisition timeout while waiting for new connection";

    private PoolExhaustion() {
    }

    /** The {@link PoolExhaustedException} in the chain, if a layer that knew the pool wrapped it already. */
    public static Optional<PoolExhaustedException> named(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof PoolExhaustedException p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True when the chain holds a pool-full acquisition timeout (every connection in use for the whole wait). */
    public static boolean isPoolFull(Throwable e) {
        return hasMessage(e, POOL_FULL);
    }

    /** True when the chain holds a timeout while the pool was opening a connection (an unresponsive server). */
    public static boolean isCreationTimeout(Throwable e) {
        return hasMessage(e, CREATION_TIMEOUT);
    }

    /** Either kind of acquisition timeout, or an already named one. */
    public static boolean isAcquisitionTimeout(Throwable e) {
        return named(e).isPresent() || isPoolFull(e) || isCreationTimeout(e);
    }

    private static boolean hasMessage(Throwable e, String message) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains(message)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        Throwable c = t.getCause();
        if (c == null && t instanceof SQLException sql) {
            c = sql.getNextException();
        }
        return c == t ? null : c;
    }
}
