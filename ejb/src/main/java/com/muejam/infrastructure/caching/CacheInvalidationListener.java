package com.muejam.infrastructure.caching;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import com.muejam.application.caching.CacheTags;

/**
 * Default JPA entity listener (declared in {@code META-INF/orm.xml}): every insert, update and delete hands
 * the entity's tags (the application's entity → tag map, {@link CacheTags#of(Object)}) to
 * {@link AfterCommitInvalidation}. Looked up through CDI at each call rather than injected, so it works whichever
 * way the persistence provider instantiates listeners.
 */
public class CacheInvalidationListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        CDI<Object> cdi;
        try {
            cdi = CDI.current();
        } catch (IllegalStateException noContainer) {
            return; // plain Java SE use of the persistence unit (repository tests, tools): no cache to invalidate
        }
        cdi.select(AfterCommitInvalidation.class).get().afterCommit(CacheTags.of(entity));
    }
}
