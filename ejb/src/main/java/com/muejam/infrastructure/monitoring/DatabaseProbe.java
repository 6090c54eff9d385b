package com.muejam.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.muejam.infrastructure.routing.EntityManagers;
import com.muejam.infrastructure.routing.Route;

/** Asks a pool's database what it is, instead of assuming it from configuration. */
@ApplicationScoped
public class DatabaseProbe {

    /** What the server behind one pool says about itself. */
    public record ServerIdentity(boolean inRecovery, int port, String statementTimeout) {
    }

    @Inject
    EntityManagers entityManagers;

    /** Runs one query on a connection of the route's pool (outside any transaction when called outside one). */
    public ServerIdentity identify(Route route) {
        return identify(entityManagers.using(route));
    }

    /** Asks the database behind an entity manager (whichever route it was obtained for). */
    public ServerIdentity identify(EntityManager entityManager) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("SELECT pg_is_in_recovery(), inet_server_port(), current_setting('statement_timeout')")
                .getSingleResult();
        return new ServerIdentity((Boolean) row[0], ((Number) row[1]).intValue(), (String) row[2]);
    }
}
