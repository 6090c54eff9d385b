package com.muejam.infrastructure.pools;

import java.time.Duration;

/**
 * One reading of a container-managed connection pool, whatever server provides it.
 *
 * @param pool                the pool's name as the server knows it (e.g. {@code PrimaryDS})
 * @param active              connections in use
 * @param available           idle connections in the pool
 * @param awaiting            threads waiting for a connection
 * @param maxUsed             the most connections in use at once since the statistics were reset
 * @param leaks               connections held longer than the leak-detection timeout
 * @param blockingTimeAverage average time a caller waited for a connection
 * @param blockingTimeMax     longest wait for a connection
 * @param minSize             configured minimum, read live
 * @param maxSize             configured maximum, read live (an operator may change it at run time)
 */
public record PoolSnapshot(String pool, long active, long available, long awaiting, long maxUsed, long leaks,
        Duration blockingTimeAverage, Duration blockingTimeMax, int minSize, int maxSize) {

    /** Share of the pool in use: active / max. */
    public double utilisation() {
        return maxSize <= 0 ? 0 : (double) active / maxSize;
    }
}
