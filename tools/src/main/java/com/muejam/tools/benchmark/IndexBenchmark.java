package com.muejam.tools.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.muejam.infrastructure.persistence.HotQueries;
import com.muejam.infrastructure.persistence.HotQuery;
import com.muejam.liquibase.Migrations;
import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.tools.Databases;
import com.muejam.tools.generator.DataGenerator;
import com.muejam.tools.plans.Plan;
import com.muejam.tools.plans.SampleParameters;

/**
 * For every hot query at a given scale (default 10^6 rows in the big tables): the median executor time with its
 * index and with that index dropped. The drop happens inside a transaction that is rolled back, so the index comes back
 * without a rebuild. Writes (UPDATE, DELETE, upsert) are timed inside a savepoint that is rolled back after each
 * run. Prints a Markdown table. A benchmark, not a test: it asserts nothing.
 *
 * <pre>
 *   IndexBenchmark [--rows 1000000] [--database muejam_bench] [--reuse] [--runs 11] [--only Q1,Q2]
 *                  [--case typical|heavy]
 * </pre>
 * It uses the project-started schema services' PostgreSQL (port 18432; started if needed, left running).
 */
public final class IndexBenchmark {

    /** One measured query. */
    public record Row(HotQuery query, String index, double withMs, double withoutMs, String planWith,
                      String planWithout) {
    }

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        String database = "muejam_bench";
        boolean reuse = false;
        int runs = 11;
        List<String> only = List.of();
        SampleParameters.Case sampleCase = SampleParameters.Case.TYPICAL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i].replace("_", ""));
                case "--database" -> database = args[++i];
                case "--reuse" -> reuse = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                case "--case" -> sampleCase = SampleParameters.Case.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        LocalServices services = Databases.projectServices();
        PgNode primary = services.primary();
        if (!reuse || !exists(primary, database)) {
            prepare(primary, database, rows);
        }
        try (Connection c = Databases.connect(primary, database)) {
            SampleParameters samples = SampleParameters.from(c, sampleCase);
            List<Row> result = new ArrayList<>();
            for (HotQuery q : HotQueries.ALL) {
                if (only.isEmpty() || only.contains(q.name())) {
                    Row r = measure(c, q, samples.forQuery(q), runs);
                    System.err.printf("%-36s %9.3f ms %11.3f ms%n", q.name(), r.withMs(), r.withoutMs());
                    result.add(r);
                }
            }
            System.out.println(table(result, counts(c), sampleCase));
        }
    }

    private static boolean exists(PgNode primary, String database) throws SQLException {
        try (Connection c = Databases.connect(primary, "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rs.next();
        }
    }

    private static void prepare(PgNode primary, String database, int rows) throws SQLException {
        Databases.recreate(primary, database);
        try (Connection c = Databases.connect(primary, database)) {
            long t0 = System.nanoTime();
            Migrations.update(c, Migrations.SCHEMA);
            long t1 = System.nanoTime();
            DataGenerator.Result result = DataGenerator.generate(c, DataGenerator.Scale.rows(rows), 42,
                    OffsetDateTime.now());
            long t2 = System.nanoTime();
            Migrations.update(c, Migrations.INDEX);
            long t3 = System.nanoTime();
            Databases.vacuumAnalyze(c);
            long t4 = System.nanoTime();
            System.out.printf("%n## Data generator (%d rows in total)%n%n```%n%s```%n", result.totalRows(), result);
            System.out.printf("schema release %.1f s, data %.1f s, index release (%d concurrent builds) %.1f s, "
                    + "VACUUM ANALYZE %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, 45, (t3 - t2) / 1e9,
                    (t4 - t3) / 1e9);
        }
    }

    /** Times {@code q} with its first index, then without it (dropped in a rolled-back transaction). */
    public static Row measure(Connection c, HotQuery q, Map<String, Object> values, int runs) throws SQLException {
        String index = q.indexes().get(0);
        c.setAutoCommit(false);
        try {
            String planWith = Plan.explain(c, q, values).shape();
            double with = time(c, q, values, 3, runs);
            c.rollback();
            String planWithout;
            double without;
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL statement_timeout = '60s'");
                st.execute(dropStatement(c, index));
                planWithout = Plan.explain(c, q, values).shape();
                without = time(c, q, values, 1, Math.max(3, runs / 3));
            } catch (SQLException e) {
                planWithout = "fails: " + firstLine(e.getMessage());
                without = Double.NaN;
            } finally {
                c.rollback(); // the index is back, no rebuild
            }
            return new Row(q, index, with, without, planWith, planWithout);
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** DROP INDEX, or DROP CONSTRAINT for the index of a primary key or unique constraint. */
    private static String dropStatement(Connection c, String index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.relname, con.conname FROM pg_class i
                JOIN pg_index x ON x.indexrelid = i.oid JOIN pg_class t ON t.oid = x.indrelid
                LEFT JOIN pg_constraint con ON con.conindid = i.oid AND con.contype IN ('p', 'u')
                WHERE i.relname = ?""")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no index " + index);
                }
                return rs.getString(2) == null ? "DROP INDEX " + index
                        : "ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2);
            }
        }
    }

    /**
     * Median executor time in ms ({@code EXPLAIN (ANALYZE, TIMING OFF)}: the statement runs, planning and the
     * network are left out) of {@code runs} executions after {@code warmup}; writes undone after each run.
     */
    private static double time(Connection c, HotQuery q, Map<String, Object> values, int warmup, int runs)
            throws SQLException {
        double[] ms = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            Savepoint sp = c.setSavepoint();
            Plan plan = Plan.explain(c, q, values, "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ");
            c.rollback(sp);
            if (i >= warmup) {
                ms[i - warmup] = plan.json().get("Execution Time").asDouble();
            }
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static String counts(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT relname, n_live_tup FROM pg_stat_user_tables
                WHERE schemaname = 'public' AND relname NOT LIKE 'databasechangelog%' ORDER BY n_live_tup DESC""")) {
            while (rs.next()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(rs.getString(1)).append(' ').append(rs.getLong(2));
            }
        }
        return sb.toString();
    }

    /** The Markdown table. */
    public static String table(List<Row> rows, String tableSizes, SampleParameters.Case sampleCase) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n## Hot queries with and without their index\n\n");
        sb.append("Rows: ").append(tableSizes).append(".\n");
        sb.append("Median executor time (EXPLAIN ANALYZE, TIMING OFF; planning and network excluded) of one "
                + "execution, " + sampleCase.name().toLowerCase(java.util.Locale.ROOT) + " parameter values, first page of 20. \"Without\": the index dropped inside a "
                + "rolled-back transaction, so the planner picks its next best path.\n\n");
        sb.append("| query | index | with (ms) | without (ms) | speed-up | plan with | plan without the index |\n");
        sb.append("|---|---|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            double x = r.withoutMs() / r.withMs();
            String speedup = Double.isNaN(x) ? "-" : x < 10 ? String.format("%.1fx", x) : String.format("%.0fx", x);
            sb.append(String.format("| %s | %s | %.3f | %s | %s | %s | %s |%n", r.query().name(), r.index(),
                    r.withMs(), Double.isNaN(r.withoutMs()) ? "-" : String.format("%.3f", r.withoutMs()), speedup,
                    r.planWith().replace("|", "/"), r.planWithout().replace("|", "/")));
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
