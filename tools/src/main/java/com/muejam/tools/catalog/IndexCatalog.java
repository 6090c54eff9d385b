package com.muejam.tools.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The indexes of the application's tables (schema {@code public}, Liquibase's own tables left out) as the
 * catalog describes them, and the checks the schema promises: none invalid, none duplicate or a prefix of another,
 * every foreign key served by an index.
 */
public final class IndexCatalog {

    /**
     * One index. {@code keys} are the key columns as written in the definition, each with its collation,
     * operator class and ordering, so two keys are equal only if an index scan on them is interchangeable.
     */
    public record Index(String table, String name, String method, boolean primary, boolean unique,
                        boolean constraint, boolean valid, boolean ready, String predicate, List<String> keys,
                        String definition) {
    }

    /** A foreign key: its table, name and columns. */
    public record ForeignKey(String table, String name, List<String> columns) {
    }

    private static final String INDEXES = """
            SELECT t.relname, ic.relname, am.amname, i.indisprimary, i.indisunique,
                   EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x')),
                   i.indisvalid, i.indisready, pg_get_expr(i.indpred, i.indrelid, true),
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k + 1, true)
                                || ' collate=' || coalesce(co.collname, '-')
                                || ' opclass=' || op.opcname
                                || ' option=' || i.indoption[k]
                         FROM generate_series(0, i.indnkeyatts - 1) k
                         JOIN pg_opclass op ON op.oid = i.indclass[k]
                         LEFT JOIN pg_collation co ON co.oid = i.indcollation[k] AND co.collname <> 'default'
                         ORDER BY k),
                   pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            WHERE n.nspname = 'public' AND t.relname NOT LIKE 'databasechangelog%'
            ORDER BY t.relname, ic.relname""";

    private static final String FOREIGN_KEYS = """
            SELECT t.relname, c.conname,
                   ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = 'public'
            ORDER BY t.relname, c.conname""";

    private final List<Index> indexes;
    private final List<ForeignKey> foreignKeys;

    private IndexCatalog(List<Index> indexes, List<ForeignKey> foreignKeys) {
        this.indexes = List.copyOf(indexes);
        this.foreignKeys = List.copyOf(foreignKeys);
    }

    public static IndexCatalog read(Connection connection) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(INDEXES)) {
                while (rs.next()) {
                    indexes.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8),
                            rs.getString(9), strings(rs.getArray(10)), rs.getString(11)));
                }
            }
            try (ResultSet rs = st.executeQuery(FOREIGN_KEYS)) {
                while (rs.next()) {
                    fks.add(new ForeignKey(rs.getString(1), rs.getString(2), strings(rs.getArray(3))));
                }
            }
        }
        return new IndexCatalog(indexes, fks);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    public List<Index> indexes() {
        return indexes;
    }

    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    public List<Index> invalid() {
        return indexes.stream().filter(i -> !i.valid() || !i.ready()).toList();
    }

    /**
     * Pairs (redundant, covering): same table, access method and predicate, and the first index's keys equal to or
     * a leading prefix of the second's. A unique index is never the redundant one unless both are identical (its
     * constraint is the reason it exists).
     */
    public List<Index[]> redundant() {
        List<Index[]> result = new ArrayList<>();
        for (Index a : indexes) {
            for (Index b : indexes) {
                if (a == b || !a.table().equals(b.table()) || !a.method().equals(b.method())
                        || !Objects.equals(a.predicate(), b.predicate()) || a.keys().size() > b.keys().size()
                        || !b.keys().subList(0, a.keys().size()).equals(a.keys())) {
                    continue;
                }
                boolean identical = a.keys().equals(b.keys()) && a.unique() == b.unique();
                if (identical) {
                    if (a.name().compareTo(b.name()) < 0) {
                        result.add(new Index[] {a, b});
                    }
                } else if (!a.unique() && !a.primary()) {
                    result.add(new Index[] {a, b});
                }
            }
        }
        return result;
    }

    /**
     * The indexes that can serve the foreign key's lookups ({@code WHERE col = $1} on delete or update of the
     * referenced row): btree, leading columns equal to the key's columns, and no predicate or only
     * {@code col IS NOT NULL} (implied by the equality).
     */
    public List<Index> serving(ForeignKey fk) {
        return indexes.stream().filter(i -> i.method().equals("btree") && i.valid()
                && i.keys().size() >= fk.columns().size()
                && leadingColumns(i, fk.columns().size()).equals(fk.columns())
                && (i.predicate() == null || fk.columns().size() == 1
                    && i.predicate().equals(fk.columns().get(0) + " IS NOT NULL"))).toList();
    }

    /** True if {@code index} can serve some foreign key's lookups. */
    public boolean servesForeignKey(Index index) {
        return foreignKeys.stream().anyMatch(fk -> serving(fk).contains(index));
    }

    private static List<String> leadingColumns(Index i, int n) {
        return i.keys().subList(0, n).stream().map(k -> k.substring(0, k.indexOf(" collate="))).toList();
    }
}
