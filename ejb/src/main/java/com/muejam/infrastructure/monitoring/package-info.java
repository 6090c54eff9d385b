/**
 * Health checks and probes of the data tier (pools, replica state), and the slow query log
 * ({@link com.muejam.infrastructure.monitoring.SlowQueryLog}, fed by an EclipseLink session listener that
 * {@link com.muejam.infrastructure.monitoring.PersistenceSessionCustomizer} installs on every persistence unit).
 */
package com.muejam.infrastructure.monitoring;
