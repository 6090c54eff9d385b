/**
 * How pools are watched and used outside the application's own calls:
 * {@link com.muejam.infrastructure.pools.PoolMonitor} turns live pool figures into gauges, alerts and health;
 * {@link com.muejam.infrastructure.pools.PoolStatistics} is the small per-server adapter (Agroal on WildFly);
 * {@link com.muejam.infrastructure.pools.PoolAccess} opens monitoring connections outside a pool and evicts a
 * pool whose server is down; {@link com.muejam.infrastructure.pools.PoolExhaustion} recognises an acquisition
 * timeout, which leaves the API as a 503 naming the pool.
 */
package com.muejam.infrastructure.pools;
