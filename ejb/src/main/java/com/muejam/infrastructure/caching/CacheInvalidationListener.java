package com.muejam.infrastructure.caching;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Default JPA entity listener (declared in {@code META-INF/orm.xml}): every insert, update and delete hands
 * the entity's tags to {@link AfterCommitInvalidation}. Looked up through CDI at each call rather than injected,
 * so it works whichever way the persistence provider instantiates listeners.
 */
public class CacheInvalidationListener {

    private static volatile EntityTags tags;

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        EntityTags map = tags;
        if (map == null) {
            map = EntityTags.load(CacheInvalidationListener.class.getClassLoader());
            tags = map;
        }
        CDI<Object> cdi;
        try {
            cdi = CDI.current();
        } catch (IllegalStateException noContainer) {
            return; // plain Java SE use of the persistence unit (repository tests, tools): no cache to invalidate
        }
        cdi.select(AfterCommitInvalidation.class).get().collect(map.tagsFor(entity));
    }
}
