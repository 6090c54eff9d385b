package com.muejam.infrastructure.pools;

import java.util.Optional;

/**
 * The server-specific adapter: live figures of a container-managed pool. One implementation per server
 * (Agroal on WildFly); the rest of the application sees only {@link PoolSnapshot}.
 */
public interface PoolStatistics {

    /** Reads the pool bound at {@code jndiName} now, or empty when this server's pools are not readable. */
    Optional<PoolSnapshot> read(String poolName, String jndiName);
}
