/**
 * Routing benchmarks that print figures (never run by {@code mvn verify}): the decision cost (JMH) and the
 * share of reads served by replicas under a read-heavy load on project-started servers.
 */
package com.muejam.benchmarks;
