/**
 * The plans of the {@link com.muejam.infrastructure.persistence.HotQuery} entries ({@code EXPLAIN (FORMAT JSON)}
 * of the catalogue's own SQL) and the sample parameter values they are planned with.
 */
package com.muejam.tools.plans;
