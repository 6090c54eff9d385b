package com.muejam.infrastructure.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Runs {@link HotQuery} entries as native queries with their named values bound positionally. */
final class NativeQueries {

    private NativeQueries() {
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(EntityManager em, HotQuery q, Class<T> type, Map<String, ?> values) {
        return bind(em.createNativeQuery(q.sql(), type), q, values).getResultList();
    }

    static <T> Optional<T> first(EntityManager em, HotQuery q, Class<T> type, Map<String, ?> values) {
        return list(em, q, type, values).stream().findFirst();
    }

    /** A query returning one number ({@code count(*)}, {@code RETURNING} a count). */
    static long number(EntityManager em, HotQuery q, Map<String, ?> values) {
        return ((Number) bind(em.createNativeQuery(q.sql()), q, values).getSingleResult()).longValue();
    }

    /** A query returning one column: its values, in order. */
    @SuppressWarnings("unchecked")
    static List<Object> scalars(EntityManager em, HotQuery q, Map<String, ?> values) {
        return bind(em.createNativeQuery(q.sql()), q, values).getResultList();
    }

    /** A query returning several columns: one array per row, columns in select order. */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, HotQuery q, Map<String, ?> values) {
        return bind(em.createNativeQuery(q.sql()), q, values).getResultList();
    }

    /** A {@code timestamptz} column of {@link #rows} as the driver hands it back, in UTC. */
    static java.time.OffsetDateTime timestamp(Object column) {
        if (column == null || column instanceof java.time.OffsetDateTime) {
            return (java.time.OffsetDateTime) column;
        }
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (column instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + column.getClass().getName());
    }

    /** A query returning one boolean ({@code SELECT EXISTS (...)}). */
    static boolean bool(EntityManager em, HotQuery q, Map<String, ?> values) {
        return (Boolean) bind(em.createNativeQuery(q.sql()), q, values).getSingleResult();
    }

    /** UPDATE or DELETE; returns the row count. */
    static int execute(EntityManager em, HotQuery q, Map<String, ?> values) {
        return bind(em.createNativeQuery(q.sql()), q, values).executeUpdate();
    }

    private static Query bind(Query query, HotQuery q, Map<String, ?> values) {
        Object[] positional = q.bind(values);
        for (int i = 0; i < positional.length; i++) {
            Object v = positional[i];
            query.setParameter(i + 1, v instanceof Enum<?> e ? e.name() : v);
        }
        return query;
    }
}
