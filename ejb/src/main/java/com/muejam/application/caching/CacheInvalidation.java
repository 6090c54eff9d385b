package com.muejam.application.caching;

import java.util.Collection;

/**
 * How a service invalidates cache tags that its write changed but no entity listener sees (native SQL, rows
 * without an entity): the tags ({@link CacheTags}) are invalidated once the current transaction has committed,
 * never before and not at all on rollback; outside a transaction, at once. Implemented by the infrastructure.
 */
public interface CacheInvalidation {

    /** Invalidates {@code tags} after the current transaction commits (at once when there is none). */
    void afterCommit(Collection<String> tags);
}
