/**
 * The operators' status page ({@code /status/}) and its JSON ({@code /api/status}): pools, cache, replicas, slow
 * queries and request latency, read from the application's MicroProfile Metrics registry (the figures
 * {@code /metrics} serves) and checked against the thresholds the alert rules use. Moderators only.
 */
package com.muejam.interfaces.status;
