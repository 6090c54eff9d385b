/**
 * What the interfaces layer may know about the running data tier, as ports the infrastructure implements (CDI
 * beans): {@link com.muejam.application.operations.ReadConsistency} (the read-your-writes token of a request),
 * {@link com.muejam.application.operations.PoolTimeouts} and
 * {@link com.muejam.application.operations.PoolExhaustedException} (a pool that gave no connection in time),
 * {@link com.muejam.application.operations.StatementCounter} (statements a request executed) and
 * {@link com.muejam.application.operations.DatabaseReadiness} (readiness of the primary, replicas and pools).
 * The web layer reaches routing, pools and monitoring only through these.
 */
package com.muejam.application.operations;
