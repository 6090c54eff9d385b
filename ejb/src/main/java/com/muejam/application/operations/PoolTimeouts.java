package com.muejam.application.operations;

import java.util.Optional;

/**
 * Pool acquisition timeouts as the web layer sees them: whether a failure was one (however the persistence
 * provider and the transaction manager wrapped it) and which pool it concerned, and the count of those answered
 * to a client. Implemented by the infrastructure, which knows the pools and the current thread's route.
 */
public interface PoolTimeouts {

    /**
     * The server's name of the pool ({@code PrimaryDS}, {@code ReplicaDS} …) when {@code failure}'s chain holds an
     * acquisition timeout: the pool a {@link PoolExhaustedException} names, or else the pool this thread was
     * handed last. Empty for any other failure.
     */
    Optional<String> exhaustedPool(Throwable failure);

    /** Counts one acquisition timeout of {@code pool} (a server pool name) answered to a client. */
    void answered(String pool);
}
