/** The Prometheus endpoint for MicroProfile Metrics. */
package com.muejam.interfaces.metrics;
