/**
 * JPA implementations of the domain repositories: the only code that runs queries. Reads go through
 * {@link com.muejam.infrastructure.routing.EntityManagers#forRead()}, writes through
 * {@link com.muejam.infrastructure.routing.EntityManagers#forWrite()}.
 *
 * <p>The hot queries are {@link com.muejam.infrastructure.persistence.HotQuery} entries, one enum per aggregate
 * ({@link com.muejam.infrastructure.persistence.HotQueries#ALL} lists them all), the single copy of their SQL, each
 * with the index it must use; the repositories run them as native queries and the schema tests ({@code tools}
 * module) prove each plan uses that index.
 */
package com.muejam.infrastructure.persistence;
