package com.muejam.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.muejam.application.routing.ReadOnly;

/**
 * The one place that hands out entity managers. Repositories ask for a read or a write entity manager and get
 * the persistence unit of the current route; code that must pick says so with {@link #using(Route)} (or
 * {@link #using(String)} with {@code "default"} / {@code "read_replica"}).
 */
@ApplicationScoped
public class EntityManagers {

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @PersistenceContext(unitName = "replica")
    EntityManager replica;

    /** Bound to ReplicaDS2; never used (so its pool opens no connection) unless DB_READ_HOST_2 is configured. */
    @PersistenceContext(unitName = "replica2")
    EntityManager replica2;

    @Inject
    CommitPositions commits;

    /** The entity manager for reads on the current route. */
    public EntityManager forRead() {
        return using(RouteContext.current());
    }

    /**
     * The primary's entity manager; refuses inside a {@link ReadOnly} call before any SQL is sent. Marks the
     * current transaction as writing: its later reads stay on the primary, and its commit position becomes the
     * request's read-your-writes position.
     */
    public EntityManager forWrite() {
        if (RouteContext.isReadOnly()) {
            throw new ReadOnlyViolationException("write attempted inside a @ReadOnly call (route "
                    + RouteContext.current().unitName() + "); writes must run outside @ReadOnly methods");
        }
        commits.writing();
        RouteContext.used(Route.PRIMARY);
        return primary;
    }

    /**
     * The primary's entity manager for bookkeeping that no client reads back (write rate-limit counters): like
     * {@link #forWrite()}, but its commit gives the request no read-your-writes position, so a request limited
     * and then refused costs no position read, and a limited read-only request keeps its replica reads.
     */
    public EntityManager forBookkeeping() {
        if (RouteContext.isReadOnly()) {
            throw new ReadOnlyViolationException("bookkeeping write attempted inside a @ReadOnly call");
        }
        RouteContext.used(Route.PRIMARY);
        return primary;
    }

    /** An explicit choice, for code that must name its database (health checks, diagnostics, consistency reads). */
    public EntityManager using(Route route) {
        RouteContext.used(route);
        return switch (route) {
            case PRIMARY -> primary;
            case REPLICA -> replica;
            case REPLICA_2 -> replica2;
        };
    }

    /** {@link #using(Route)} by name: {@code default} (the primary), {@code read_replica}, {@code replica2}. */
    public EntityManager using(String database) {
        return using(Route.named(database));
    }
}
