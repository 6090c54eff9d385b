/**
 * Health checks and probes of the data tier (pools, replica state), the per-thread statement count and the slow
 * query log ({@link com.muejam.infrastructure.monitoring.SlowQueryLog}, fed by an EclipseLink session listener that
 * {@link com.muejam.infrastructure.monitoring.PersistenceSessionCustomizer} installs on every persistence unit).
 * {@link com.muejam.infrastructure.monitoring.DatabaseHealth} is the application's {@code DatabaseReadiness},
 * {@link com.muejam.infrastructure.monitoring.ThreadStatementCounter} its {@code StatementCounter}.
 */
package com.muejam.infrastructure.monitoring;
