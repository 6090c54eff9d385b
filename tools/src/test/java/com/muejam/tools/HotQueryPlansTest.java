package com.muejam.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.muejam.infrastructure.persistence.HotQueries;
import com.muejam.infrastructure.persistence.HotQuery;
import com.muejam.tools.catalog.IndexCatalog;
import com.muejam.tools.catalog.IndexCatalog.Index;
import com.muejam.tools.plans.Plan;
import com.muejam.tools.plans.SampleParameters;

/**
 * The proof: on a generated database (10^5 rows in the big tables, after ANALYZE) every catalogue query is
 * planned with the index it was designed around and without a sequential scan; the schema has at least 60
 * indexes, none invalid, duplicate or a prefix of another; every index serves a named query or a foreign key;
 * every foreign key has an index.
 */
class HotQueryPlansTest {

    static final List<String> BIG_TABLES = List.of("stories", "notifications", "audit_logs", "login_attempts");

    static Connection connection;
    static SampleParameters typical;
    static SampleParameters heavy;
    static IndexCatalog catalog;

    @BeforeAll
    static void generate() throws SQLException {
        GeneratedDatabase.result();
        connection = GeneratedDatabase.connect();
        typical = SampleParameters.from(connection, SampleParameters.Case.TYPICAL);
        heavy = SampleParameters.from(connection, SampleParameters.Case.HEAVY);
        catalog = IndexCatalog.read(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void bigTablesHoldAtLeast10e5RowsAndStatistics() throws SQLException {
        for (String table : BIG_TABLES) {
            assertThat(scalar("SELECT count(*) FROM " + table)).as(table).isGreaterThanOrEqualTo(100_000);
            assertThat(scalar("SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = '"
                    + table + "'")).as(table + " analyzed").isPositive();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHotQueryUsesItsIndexAndNoSequentialScan() {
        return HotQueries.ALL.stream().map(q -> DynamicTest.dynamicTest(q.name(), () -> {
            Map<String, Object> values = typical.forQuery(q);
            Plan plan = Plan.explain(connection, q, values);
            String why = q.name() + " plan: " + plan.shape() + "\nvalues: " + values;
            assertThat(plan.indexes()).as(why).containsAll(q.indexes());
            assertThat(plan.seqScans()).as(why).isEmpty();
            if (q.sql().startsWith("SELECT *")) {
                // and the sample is a real case: the query finds rows
                assertThat(rows(q, values)).as(q.name() + " returns rows for " + values).isPositive();
            }
        }));
    }

    /**
     * The Zipf head (the most active user, the commonest genre...): the planner may walk another index (often a
     * time-ordered one, filtering) when that is as cheap, but never scans a big table sequentially.
     */
    @TestFactory
    Stream<DynamicTest> heavyValuesNeverScanSequentially() {
        return HotQueries.ALL.stream().map(q -> DynamicTest.dynamicTest(q.name(), () -> {
            Map<String, Object> values = heavy.forQuery(q);
            Plan plan = Plan.explain(connection, q, values);
            if (!plan.indexes().containsAll(q.indexes())) {
                System.out.println("heavy " + q.name() + ": " + plan.shape());
            }
            assertThat(plan.seqScans()).as(q.name() + " plan: " + plan.shape() + "\nvalues: " + values).isEmpty();
        }));
    }

    @Test
    void atLeast60IndexesNoneInvalidDuplicatedOrAPrefixOfAnother() {
        assertThat(catalog.indexes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(catalog.invalid()).isEmpty();
        assertThat(catalog.redundant()).extracting(pair -> pair[0].name() + " covered by " + pair[1].name())
                .isEmpty();
    }

    @Test
    void everyIndexServesANamedQueryAndEveryNamedIndexExists() {
        Set<String> named = HotQueries.ALL.stream().flatMap(q -> q.indexes().stream())
                .collect(Collectors.toSet());
        Set<String> existing = catalog.indexes().stream().map(Index::name).collect(Collectors.toSet());
        assertThat(existing).containsAll(named);
        // an index no query names must at least serve a foreign key (stories_author_id_idx: profile deletes)
        List<String> withoutQuery = catalog.indexes().stream().filter(i -> !i.primary())
                .filter(i -> !catalog.servesForeignKey(i)).map(Index::name).filter(n -> !named.contains(n)).toList();
        assertThat(withoutQuery).as("indexes neither a named query nor a foreign key needs").isEmpty();
    }

    @Test
    void everyForeignKeyHasAnIndex() {
        assertThat(catalog.foreignKeys()).hasSizeGreaterThanOrEqualTo(12);
        for (IndexCatalog.ForeignKey fk : catalog.foreignKeys()) {
            assertThat(catalog.serving(fk)).as(fk.table() + "." + fk.columns() + " (" + fk.name() + ")")
                    .isNotEmpty();
        }
    }

    @Test
    void partialAndCompositeIndexesAreThere() {
        Set<String> predicates = new HashSet<>();
        catalog.indexes().forEach(i -> predicates.add(i.predicate()));
        assertThat(predicates).contains("status::text = 'pending'::text", "read_at IS NULL",
                "status::text = 'published'::text AND NOT deleted", "read_at IS NULL AND subject_id IS NOT NULL");
        assertThat(catalog.indexes().stream().filter(i -> i.keys().size() >= 3).count()).isGreaterThan(20);
    }

    private long rows(HotQuery q, Map<String, Object> values) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(q.sql())) {
            Plan.bind(ps, q, values);
            try (ResultSet rs = ps.executeQuery()) {
                long n = 0;
                while (rs.next()) {
                    n++;
                }
                return n;
            }
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
