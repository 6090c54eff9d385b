package com.muejam.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The release path on the project-started PostgreSQL: full and label-separated updates, the recovery of an
 * index left INVALID by a failed concurrent build, lock_timeout, MARK_RAN of an index that already exists, and
 * rollback to a tag. Each test has its own database.
 */
class ReleasePathTest {

    /** Secondary indexes created by the index changesets. */
    static final int INDEX_CHANGESETS = 45;
    /** Primary keys (13) and unique constraints (4) created with the tables. */
    static final int CONSTRAINT_INDEXES = 17;
    static final List<String> TABLES = List.of("audit_logs", "blocked_users", "content_flags", "login_attempts",
            "moderation_actions", "notifications", "privacy_settings", "rate_limit_entries", "sessions", "stories",
            "two_factor_auth", "user_credentials", "user_profiles");
    /** The tables of release 0.1.0 (0.2.0 adds user_credentials). */
    static final List<String> TABLES_0_1_0 = TABLES.stream().filter(t -> !t.equals("user_credentials")).toList();

    @Test
    void fullUpdateThenRollbackToTheSchemaTagThenUpdateAgain() throws Exception {
        TestPostgres.freshDatabase("lb_full");
        try (Connection c = TestPostgres.connect("lb_full")) {
            Migrations.update(c, null);

            assertThat(tables(c)).containsExactlyElementsOf(TABLES);
            Map<String, Boolean> indexes = indexValidity(c);
            assertThat(indexes).hasSize(INDEX_CHANGESETS + CONSTRAINT_INDEXES);
            assertThat(indexes).doesNotContainValue(false);
            assertThat(Migrations.pendingChangeSets(c, null)).isEmpty();
            assertThat(scalar(c, "SELECT count(*) FROM databasechangelog WHERE tag IS NOT NULL")).isEqualTo(3);

            // The index release (and the later 0.2.0) is undone by rolling back to the tag that ends the schema
            // release ...
            Migrations.rollbackToTag(c, Migrations.TAG_SCHEMA_0_1_0);
            assertThat(indexValidity(c)).hasSize(CONSTRAINT_INDEXES - 1);
            assertThat(tables(c)).containsExactlyElementsOf(TABLES_0_1_0);
            assertThat(Migrations.pendingChangeSets(c, Migrations.INDEX)).hasSize(INDEX_CHANGESETS + 1);
            // Liquibase also rolls back the tagDatabase changeset itself; the next update tags again.
            assertThat(Migrations.pendingChangeSets(c, Migrations.SCHEMA))
                    .containsExactly("release-0.1.0-schema", "007-user-credentials", "release-0.2.0");

            // ... and re-applied by the next update.
            Migrations.update(c, null);
            assertThat(scalar(c, "SELECT count(*) FROM databasechangelog WHERE tag IS NOT NULL")).isEqualTo(3);
            assertThat(indexValidity(c)).hasSize(INDEX_CHANGESETS + CONSTRAINT_INDEXES).doesNotContainValue(false);

            // rollback-count: release 0.2.0 (tag, table), the 0.1.0 tag and the last index changeset (its
            // rollback drops the index).
            Migrations.rollbackCount(c, 4);
            assertThat(indexValidity(c)).hasSize(INDEX_CHANGESETS + CONSTRAINT_INDEXES - 2)
                    .doesNotContainKey("sessions_expires_at_idx");
            assertThat(Migrations.pendingChangeSets(c, null)).containsExactly("sessions_expires_at_idx",
                    "release-0.1.0-indexes", "007-user-credentials", "release-0.2.0");
        }
    }

    @Test
    void schemaAndIndexesAreReleasedSeparatelyByLabel() throws Exception {
        TestPostgres.freshDatabase("lb_labels");
        try (Connection c = TestPostgres.connect("lb_labels")) {
            assertThat(Migrations.pendingChangeSets(c, Migrations.INDEX)).hasSize(INDEX_CHANGESETS + 1);

            Migrations.update(c, Migrations.SCHEMA);
            assertThat(tables(c)).containsExactlyElementsOf(TABLES);
            assertThat(indexValidity(c)).hasSize(CONSTRAINT_INDEXES);
            assertThat(Migrations.pendingChangeSets(c, Migrations.SCHEMA)).isEmpty();

            // update-sql shows the index release without running it; status lists it.
            String sql = Migrations.updateSql(c, Migrations.INDEX);
            assertThat(sql).contains("SET lock_timeout = '5s'")
                    .contains("CREATE INDEX CONCURRENTLY notifications_unread_idx ON notifications "
                            + "(recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL")
                    .contains("DROP INDEX CONCURRENTLY IF EXISTS notifications_unread_idx");
            assertThat(Migrations.status(c, Migrations.INDEX))
                    .contains((INDEX_CHANGESETS + 1) + " changesets have not been applied");
            assertThat(indexValidity(c)).hasSize(CONSTRAINT_INDEXES);

            Migrations.update(c, Migrations.INDEX);
            assertThat(indexValidity(c)).hasSize(INDEX_CHANGESETS + CONSTRAINT_INDEXES).doesNotContainValue(false);
            assertThat(Migrations.pendingChangeSets(c, null)).isEmpty();
        }
    }

    @Test
    void aFailedConcurrentBuildLeavesAnInvalidIndexThatTheNextUpdateRebuilds() throws Exception {
        TestPostgres.freshDatabase("lb_invalid");
        try (Connection c = TestPostgres.connect("lb_invalid"); Statement st = c.createStatement()) {
            Migrations.update(c, Migrations.SCHEMA);
            // Two usernames equal ignoring case: the unique index on lower(username) cannot be built.
            st.execute("INSERT INTO user_profiles (username) VALUES ('Alice'), ('alice'), ('bob')");

            assertThatThrownBy(() -> Migrations.update(c, Migrations.INDEX))
                    .hasMessageContaining("user_profiles_username_lower_key");
            assertThat(indexValidity(c)).containsEntry("user_profiles_username_lower_key", false);
            assertThat(executed(c, "user_profiles_username_lower_key")).isZero();

            // This is why IF NOT EXISTS alone is not enough: it accepts the broken index and does nothing.
            st.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS user_profiles_username_lower_key "
                    + "ON user_profiles ((lower(username)) COLLATE \"C\")");
            assertThat(indexValidity(c)).containsEntry("user_profiles_username_lower_key", false);

            // Fix the data, release again: the changeset drops the invalid index and builds it.
            st.execute("UPDATE user_profiles SET username = 'alice2' WHERE username = 'alice'");
            Migrations.update(c, Migrations.INDEX);
            assertThat(indexValidity(c)).hasSize(INDEX_CHANGESETS + CONSTRAINT_INDEXES).doesNotContainValue(false);
            assertThat(executed(c, "user_profiles_username_lower_key")).isOne();
            assertThatThrownBy(() -> st.execute("INSERT INTO user_profiles (username) VALUES ('BOB')"))
                    .hasMessageContaining("user_profiles_username_lower_key");
        }
    }

    @Test
    void lockTimeoutStopsABuildStuckBehindATransactionAndTheNextUpdateFinishesIt() throws Exception {
        TestPostgres.freshDatabase("lb_locks");
        try (Connection c = TestPostgres.connect("lb_locks"); Connection blocker = TestPostgres.connect("lb_locks")) {
            Migrations.update(c, Migrations.SCHEMA);

            // A transaction left open on user_profiles: a concurrent build must wait for it to end.
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("INSERT INTO user_profiles (username) VALUES ('carol')");
            }
            long start = System.nanoTime();
            assertThatThrownBy(() -> Migrations.update(c, Migrations.INDEX))
                    .hasMessageContaining("lock timeout");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isLessThan(Duration.ofSeconds(60));
            assertThat(indexValidity(c)).containsEntry("user_profiles_username_lower_key", false);

            blocker.commit();
            Migrations.update(c, Migrations.INDEX);
            assertThat(indexValidity(c)).hasSize(INDEX_CHANGESETS + CONSTRAINT_INDEXES).doesNotContainValue(false);
        }
    }

    @Test
    void aValidIndexWithoutItsChangelogRowIsMarkedRanNotRebuilt() throws Exception {
        TestPostgres.freshDatabase("lb_markran");
        try (Connection c = TestPostgres.connect("lb_markran"); Statement st = c.createStatement()) {
            Migrations.update(c, Migrations.SCHEMA);
            // As if a release crashed after the build but before Liquibase recorded it.
            st.execute("CREATE INDEX CONCURRENTLY notifications_read_at_idx ON notifications (read_at) "
                    + "WHERE read_at IS NOT NULL");
            long oid = scalar(c, "SELECT 'notifications_read_at_idx'::regclass::oid");

            Migrations.update(c, Migrations.INDEX);
            assertThat(scalar(c, "SELECT 'notifications_read_at_idx'::regclass::oid")).isEqualTo(oid);
            try (ResultSet rs = st.executeQuery(
                    "SELECT exectype FROM databasechangelog WHERE id = 'notifications_read_at_idx'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("MARK_RAN");
            }
        }
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename NOT LIKE 'databasechangelog%' ORDER BY tablename")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Index name to indisvalid, for the application's tables. */
    static Map<String, Boolean> indexValidity(Connection c) throws SQLException {
        Map<String, Boolean> result = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT ic.relname, i.indisvalid
                FROM pg_index i
                JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname NOT LIKE 'databasechangelog%'""")) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        return result;
    }

    static long executed(Connection c, String changeSetId) throws SQLException {
        return scalar(c, "SELECT count(*) FROM databasechangelog WHERE id = '" + changeSetId + "'");
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
