package com.muejam.infrastructure.routing;

/**
 * One check of one replica.
 *
 * @param reachable  the check query answered within the network timeout
 * @param inRecovery {@code pg_is_in_recovery()}: true for a streaming replica
 * @param replayLsn  {@code pg_last_wal_replay_lsn()} (the server's current LSN when not in recovery)
 * @param lagNanos   time behind the primary (see {@link LsnHistory#lagNanos(long, long)})
 * @param lagBytes   WAL bytes behind the primary's latest sample (0 when ahead)
 * @param error      why it was not reachable, {@code null} when it was
 */
public record ReplicaObservation(boolean reachable, boolean inRecovery, long replayLsn, long lagNanos,
        long lagBytes, String error) {

    public static ReplicaObservation unreachable(String error) {
        return new ReplicaObservation(false, false, Lsn.NONE, 0, 0, error);
    }

    public static ReplicaObservation of(boolean inRecovery, long replayLsn, long lagNanos, long lagBytes) {
        return new ReplicaObservation(true, inRecovery, replayLsn, lagNanos, lagBytes, null);
    }
}
