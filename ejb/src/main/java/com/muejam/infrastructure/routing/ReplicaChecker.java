package com.muejam.infrastructure.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The checks behind {@link ReplicaMonitor}, free of the container so that they can also run against plain
 * JDBC (the replica-share benchmark): one round trip per server per check, each on its own long-lived
 * connection with a network timeout. {@link #checkPrimary()} records the primary's position in the
 * {@link LsnHistory}; {@link #checkReplica(Route)} turns a replica's replayed position into a lag and feeds its
 * {@link ReplicaRotation}. Each method is called by one thread at a time for a given server.
 */
public final class ReplicaChecker implements AutoCloseable {

    /** Opens a new physical connection to one server (bounded by the driver's own connect timeouts). */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** What one replica check changed. */
    public record Outcome(ReplicaRotation rotation, ReplicaRotation.State before, ReplicaRotation.Transition transition) {
    }

    /** About 100 s of primary positions at 100 ms: lags beyond that are reported as at least that. */
    private static final int HISTORY = 1024;
    private static final String PRIMARY_SQL =
            "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END";
    private static final String REPLICA_SQL = "SELECT pg_is_in_recovery(),"
            + " CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END";

    private final LsnHistory history = new LsnHistory(HISTORY);
    private final Map<Route, ReplicaRotation> rotations = new EnumMap<>(Route.class);
    private final Map<Route, CheckConnection> connections = new EnumMap<>(Route.class);
    private final ReadRouter router;
    private final LongSupplier timeoutMillis;
    private final LongSupplier maxLagNanos;
    private final LongSupplier rejoinAfterNanos;
    private volatile String primaryError;

    /**
     * @param replicas  the configured replica routes
     * @param openers   an opener for {@link Route#PRIMARY} and for each replica
     * @param timeouts  runs the driver's network-timeout bookkeeping (may be any executor)
     */
    public ReplicaChecker(List<Route> replicas, Map<Route, Opener> openers, Executor timeouts,
            LongSupplier timeoutMillis, LongSupplier maxLagNanos, LongSupplier rejoinAfterNanos) {
        this.timeoutMillis = timeoutMillis;
        this.maxLagNanos = maxLagNanos;
        this.rejoinAfterNanos = rejoinAfterNanos;
        for (Route r : replicas) {
            rotations.put(r, new ReplicaRotation(r));
        }
        router = new ReadRouter(List.copyOf(rotations.values()));
        connections.put(Route.PRIMARY, new CheckConnection(openers.get(Route.PRIMARY)::open, timeouts));
        for (Route r : replicas) {
            connections.put(r, new CheckConnection(openers.get(r)::open, timeouts));
        }
    }

    public ReadRouter router() {
        return router;
    }

    public ReplicaRotation rotation(Route replica) {
        return rotations.get(replica);
    }

    public List<Route> replicas() {
        return List.copyOf(rotations.keySet());
    }

    public long primaryLsn() {
        return history.latest();
    }

    /** How long ago the primary was first seen at or past {@code position} (see {@link LsnHistory#ageNanos}). */
    public long positionAgeNanos(long position) {
        return history.ageNanos(position, System.nanoTime());
    }

    /** Why the latest primary check failed, {@code null} when it succeeded. */
    public String primaryError() {
        return primaryError;
    }

    /** Samples the primary's position; returns the failure, or {@code null}. */
    public String checkPrimary() {
        try {
            long lsn = connections.get(Route.PRIMARY).query(PRIMARY_SQL, timeout(), rs -> Lsn.parseOrNone(rs.getString(1)));
            history.record(System.nanoTime(), lsn);
            primaryError = null;
        } catch (SQLException | RuntimeException e) {
            primaryError = ReplicaFailures.describe(Route.PRIMARY, e);
        }
        return primaryError;
    }

    /** Checks one replica and applies the result to its rotation. */
    public Outcome checkReplica(Route replica) {
        ReplicaRotation rotation = rotations.get(replica);
        ReplicaObservation o;
        try {
            o = connections.get(replica).query(REPLICA_SQL, timeout(), rs -> {
                boolean inRecovery = rs.getBoolean(1);
                long replay = Lsn.parseOrNone(rs.getString(2));
                long latest = history.latest();
                return ReplicaObservation.of(inRecovery, replay, history.lagNanos(replay, System.nanoTime()),
                        Long.compareUnsigned(latest, replay) > 0 ? latest - replay : 0);
            });
        } catch (SQLException | RuntimeException e) {
            o = ReplicaObservation.unreachable(ReplicaFailures.describe(replica, e));
        }
        ReplicaRotation.State before = rotation.state();
        return new Outcome(rotation, before, rotation.observe(o, System.nanoTime(), maxLagNanos.getAsLong(),
                rejoinAfterNanos.getAsLong()));
    }

    /** A read on {@code replica} failed at the connection level: out now. */
    public Outcome reportFailure(Route replica, Throwable failure) {
        ReplicaRotation rotation = rotations.get(replica);
        if (rotation == null) {
            return null;
        }
        ReplicaRotation.State before = rotation.state();
        return new Outcome(rotation, before, rotation.markDown(ReplicaFailures.describe(replica, failure)));
    }

    private int timeout() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis.getAsLong()));
    }

    @Override
    public void close() {
        connections.values().forEach(CheckConnection::close);
    }
}
