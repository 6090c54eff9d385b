package com.muejam.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one place that hands out entity managers. Repositories ask for a read or a write entity manager and get
 * the persistence unit of the current route; code that must pick says so with {@link #using(Route)}.
 */
@ApplicationScoped
public class EntityManagers {

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @PersistenceContext(unitName = "replica")
    EntityManager replica;

    /** The entity manager for reads on the current route. */
    public EntityManager forRead() {
        return using(RouteContext.current());
    }

    /** The primary's entity manager; refuses inside a {@link ReadOnly} call before any SQL is sent. */
    public EntityManager forWrite() {
        if (RouteContext.isReadOnly()) {
            throw new ReadOnlyViolationException("write attempted inside a @ReadOnly call (route "
                    + RouteContext.current().unitName() + "); writes must run outside @ReadOnly methods");
        }
        return primary;
    }

    /** An explicit choice, for code that must name its database (health checks, diagnostics, consistency reads). */
    public EntityManager using(Route route) {
        return route == Route.REPLICA ? replica : primary;
    }
}
