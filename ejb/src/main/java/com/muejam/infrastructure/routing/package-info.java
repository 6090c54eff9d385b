/**
 * How a read reaches a replica: {@link com.muejam.infrastructure.routing.ReadOnly} marks read-only calls,
 * {@link com.muejam.infrastructure.routing.ReadOnlyInterceptor} fixes the route before the call runs,
 * {@link com.muejam.infrastructure.routing.RoutingPolicy} decides it, and
 * {@link com.muejam.infrastructure.routing.EntityManagers} hands out the persistence unit of that route.
 * Nothing here knows about stories or users.
 */
package com.muejam.infrastructure.routing;
