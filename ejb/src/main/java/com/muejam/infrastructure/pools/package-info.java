/**
 * How pools are watched: {@link com.muejam.infrastructure.pools.PoolMonitor} turns live pool figures into
 * gauges, alerts and health; {@link com.muejam.infrastructure.pools.PoolStatistics} is the small per-server
 * adapter (Agroal on WildFly).
 */
package com.muejam.infrastructure.pools;
