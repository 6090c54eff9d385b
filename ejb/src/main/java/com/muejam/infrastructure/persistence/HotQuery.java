package com.muejam.infrastructure.persistence;

import java.util.List;
import java.util.Map;

/**
 * A hot query of the platform: the only copy of its SQL. The JPA repositories run it as a native query and the
 * schema tests run {@code EXPLAIN} on the very same text, asserting that it uses {@link #indexes()}. One enum per
 * aggregate implements it ({@link StoryQuery}, {@link ProfileQuery}, ...); {@link HotQueries#ALL} lists them all.
 *
 * <p>Rules every entry follows: keyset (seek) pagination on a unique sort key, never OFFSET; enum values that
 * select a partial index are literals in the SQL (a parameter cannot prove an index predicate); expressions on
 * indexed columns are written exactly as in the index definition. Parameters are written {@code :name} and bound
 * positionally ({@link #sql()}, {@link #parameters()}).
 *
 * <p>These types are plain Java (no JPA types) so tools outside the server can load them.
 */
public interface HotQuery {

    /** The entry's name, unique across all hot queries. */
    String name();

    /** The entry's SQL, parsed. */
    SqlText text();

    /** The SQL with {@code ?} placeholders, as sent to the database. */
    default String sql() {
        return text().sql();
    }

    /** The SQL with {@code :name} placeholders, as written in the enum. */
    default String namedSql() {
        return text().namedSql();
    }

    /** Parameter names in placeholder order (a name used twice appears twice). */
    default List<String> parameters() {
        return text().parameters();
    }

    /** The indexes this query must use: the first is the one it was designed around. */
    default List<String> indexes() {
        return text().indexes();
    }

    /**
     * Positional values for {@link #sql()} from named values: every name must be given (a null value only where the
     * SQL casts the parameter, so its type is known), and no other.
     */
    default Object[] bind(Map<String, ?> values) {
        return text().bind(name(), values);
    }
}
