/**
 * Project-started services for the run command and every test: a PostgreSQL 15 primary, one or two streaming
 * replicas and a Redis, on ports the caller picks, with their state in a directory the caller picks.
 *
 * <p>Entry points: {@link com.muejam.services.LocalServices#up(ServicesConfig)} (idempotent, blocks until
 * everything serves), {@link com.muejam.services.LocalServices#attach(java.nio.file.Path)} (from any JVM on
 * the machine), and the command line {@link com.muejam.services.Main}. Nodes can be paused (SIGSTOP), resumed,
 * killed (SIGKILL) and started again for failure tests. Only the types in this package are API; the
 * {@code internal} packages may change.
 */
package com.muejam.services;
