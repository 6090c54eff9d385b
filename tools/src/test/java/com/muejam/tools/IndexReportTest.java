package com.muejam.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.muejam.infrastructure.persistence.HotQuery;
import com.muejam.infrastructure.persistence.NotificationQuery;
import com.muejam.infrastructure.persistence.StoryQuery;
import com.muejam.liquibase.Migrations;
import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.tools.catalog.IndexCatalog.Index;
import com.muejam.tools.generator.DataGenerator;
import com.muejam.tools.plans.Plan;
import com.muejam.tools.plans.SampleParameters;
import com.muejam.tools.report.IndexReport;
import com.muejam.tools.report.IndexReport.NodeReport;

/**
 * The index report on the primary and its streaming replica: a failed concurrent build shows as INVALID on both,
 * a prefix index as redundant, and an index that served queries on a server is not listed as unused there
 * (scan counts are per server).
 */
class IndexReportTest {

    static final String DB = "tools_report";
    static LocalServices services;

    @BeforeAll
    static void prepare() throws Exception {
        services = GeneratedDatabase.services();
        Databases.recreate(services.primary(), DB);
        try (Connection c = Databases.connect(services.primary(), DB); Statement st = c.createStatement()) {
            Migrations.update(c, Migrations.SCHEMA);
            DataGenerator.generate(c, DataGenerator.Scale.rows(5_000), 7, OffsetDateTime.now());
            Migrations.update(c, Migrations.INDEX);
            Databases.vacuumAnalyze(c);
            // a unique concurrent build that fails on duplicates leaves an INVALID index behind
            try {
                st.execute("CREATE UNIQUE INDEX CONCURRENTLY report_broken_idx ON stories (author_id)");
            } catch (SQLException expected) {
                // duplicate key: the index stays, invalid
            }
            // a prefix of notifications_recipient_idx with the same (absent) predicate
            st.execute("CREATE INDEX report_prefix_idx ON notifications (recipient_id)");
        }
    }

    @Test
    void primaryReportShowsInvalidRedundantAndOnlyTrulyUnusedIndexes() throws Exception {
        NodeReport report;
        try (Connection c = Databases.connect(services.primary(), DB)) {
            c.setAutoCommit(false);
            SampleParameters samples = SampleParameters.from(c, SampleParameters.Case.TYPICAL);
            runQuery(c, NotificationQuery.NOTIFICATIONS_UNREAD, samples);
            runQuery(c, StoryQuery.DISCOVER_NEWEST, samples);
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_stat_force_next_flush()");
            }
            c.commit();
            c.setAutoCommit(true);
        }
        try (Connection c = Databases.connect(services.primary(), DB)) {
            report = IndexReport.inspect("primary", c);
        }
        assertThat(report.replica()).isFalse();
        assertThat(report.invalid()).extracting(Index::name).containsExactly("report_broken_idx");
        assertThat(report.redundant()).extracting(pair -> pair[0].name()).containsOnly("report_prefix_idx");
        List<String> unused = report.unused().stream().map(IndexReport.Unused::index).toList();
        assertThat(unused).contains("stories_most_read_idx", "moderation_actions_action_idx")
                .doesNotContain("notifications_unread_idx", "stories_newest_idx") // scanned above
                .doesNotContain("stories_pkey", "blocked_users_pair_key") // primary key, unique
                .doesNotContain("stories_author_id_idx", "notifications_recipient_idx"); // serve foreign keys
        assertThat(report.statsReset() != null || report.serverStart() != null).isTrue();
        assertThat(IndexReport.render(List.of(report)))
                .contains("report_broken_idx on stories")
                .contains("report_prefix_idx is covered by notifications_recipient")
                .contains("stories_most_read_idx");
    }

    @Test
    void replicaShowsTheSameInvalidIndexAndItsOwnScanCounts() throws Exception {
        PgNode replica = services.replicas().get(0);
        NodeReport report = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) { // wait for the replica to replay the catalogue changes
            try (Connection c = Databases.connect(replica, DB)) {
                report = IndexReport.inspect("replica1", c);
                if (report.invalid().stream().anyMatch(i -> i.name().equals("report_broken_idx"))
                        && report.redundant().stream().anyMatch(p -> p[0].name().equals("report_prefix_idx"))) {
                    break;
                }
            } catch (SQLException notYetThere) {
                // the database may not have replayed yet
            }
            Thread.sleep(200);
        }
        assertThat(report).isNotNull();
        assertThat(report.replica()).isTrue();
        assertThat(report.invalid()).extracting(Index::name).containsExactly("report_broken_idx");
        // nothing ran on the replica: the index read on the primary is unused here
        assertThat(report.unused()).extracting(IndexReport.Unused::index).contains("stories_newest_idx");
    }

    private static void runQuery(Connection c, HotQuery q, SampleParameters samples) throws SQLException {
        var values = samples.forQuery(q);
        assertThat(Plan.explain(c, q, values).indexes()).containsAll(q.indexes());
        try (var ps = c.prepareStatement(q.sql())) {
            Plan.bind(ps, q, values);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }
}
