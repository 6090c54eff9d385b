package com.muejam.infrastructure.routing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides where a read-only call goes. The decision uses only local state (configuration and the current
 * JTA transaction), never the JTA read-only flag nor {@code Connection.setReadOnly}.
 */
@ApplicationScoped
public class RoutingPolicy {

    /**
     * Read at each decision, not once: an operator can move reads to the primary live by setting the system
     * property ({@code /system-property=USE_READ_REPLICA:add(value=false)}), which overrides the environment.
     */
    @Inject
    @ConfigProperty(name = "USE_READ_REPLICA", defaultValue = "false")
    Provider<Boolean> useReadReplica;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Why a read-only call was sent to the primary, or {@code null} when it goes to a replica. */
    public enum Fallback {
        /** Replicas are switched off ({@code USE_READ_REPLICA=false}). */
        DISABLED,
        /** A JTA transaction is active: its reads stay on the primary so they see its own writes. */
        TRANSACTION
    }

    /** The route for a read-only call entered now. */
    public Route routeForRead() {
        return fallbackForRead() == null ? Route.REPLICA : Route.PRIMARY;
    }

    /** The reason a read-only call entered now would go to the primary, {@code null} if it may use a replica. */
    public Fallback fallbackForRead() {
        if (!replicasEnabled()) {
            return Fallback.DISABLED;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return Fallback.TRANSACTION;
        }
        return null;
    }

    public boolean replicasEnabled() {
        return useReadReplica.get();
    }
}
