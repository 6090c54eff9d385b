package com.muejam.infrastructure.routing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Decides where a read-only call goes, from local state only: the live {@code USE_READ_REPLICA} switch, the
 * current JTA transaction (and whether it has written), the request's read-your-writes position, and the
 * replica monitor's cached rotation and replayed LSNs. Never the JTA read-only flag (JTA has none that is
 * set) nor {@code Connection.setReadOnly}, and never a database round trip.
 */
@ApplicationScoped
public class RoutingPolicy {

    @Inject
    RoutingSettings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ReplicaMonitor monitor;

    @Inject
    CommitPositions commits;

    @Inject
    ReadYourWrites readYourWrites;

    /** The decision for a read-only call entered now. */
    public Decision decideForRead() {
        if (!settings.replicasEnabled()) {
            return Decision.fallback(Fallback.DISABLED);
        }
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return Decision.fallback(commits.currentTransactionWrote() ? Fallback.WRITE_IN_TRANSACTION : Fallback.TRANSACTION);
        }
        return monitor.router().route(requiredLsn());
    }

    public boolean replicasEnabled() {
        return settings.replicasEnabled();
    }

    private long requiredLsn() {
        try {
            return readYourWrites.requiredLsn();
        } catch (ContextNotActiveException e) {
            return Lsn.NONE; // no request: no client position to honour
        }
    }
}
