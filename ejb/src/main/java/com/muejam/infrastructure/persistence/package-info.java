/**
 * JPA implementations of the domain repositories: the only code that runs queries. Each asks
 * {@link com.muejam.infrastructure.routing.EntityManagers} for a read or write entity manager.
 */
package com.muejam.infrastructure.persistence;
