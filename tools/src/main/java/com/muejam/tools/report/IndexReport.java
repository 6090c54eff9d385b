package com.muejam.tools.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.tools.Databases;
import com.muejam.tools.catalog.IndexCatalog;
import com.muejam.tools.catalog.IndexCatalog.Index;

/**
 * Index health of one database on the primary and on each replica: INVALID indexes (a failed concurrent build),
 * duplicate or prefix indexes, and unused indexes (no scan since the statistics were reset; primary keys,
 * unique indexes and indexes that serve a foreign key are not reported as unused, they exist for their
 * constraint). Scan counts are per server: a replica counts the reads it served, so an index unused on the
 * primary may be busy on a replica. The report says when each server's statistics were last reset.
 */
public final class IndexReport {

    /** An index with no scan on one server. */
    public record Unused(String table, String index, long sizeBytes) {
    }

    /** The findings for one server. */
    public record NodeReport(String node, boolean replica, List<Index> invalid, List<Index[]> redundant,
                             List<Unused> unused, int indexCount, OffsetDateTime statsReset,
                             OffsetDateTime serverStart) {
    }

    private IndexReport() {
    }

    public static NodeReport inspect(String node, Connection connection) throws SQLException {
        IndexCatalog catalog = IndexCatalog.read(connection);
        Map<String, Index> byName = new HashMap<>();
        catalog.indexes().forEach(i -> byName.put(i.name(), i));
        List<Unused> unused = new ArrayList<>();
        boolean replica;
        OffsetDateTime reset;
        OffsetDateTime start;
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT s.relname, s.indexrelname, pg_relation_size(s.indexrelid)
                    FROM pg_stat_user_indexes s
                    WHERE s.schemaname = 'public' AND s.idx_scan = 0
                    ORDER BY pg_relation_size(s.indexrelid) DESC, s.indexrelname""")) {
                while (rs.next()) {
                    Index i = byName.get(rs.getString(2));
                    if (i != null && !i.primary() && !i.unique() && !catalog.servesForeignKey(i)) {
                        unused.add(new Unused(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(), (SELECT stats_reset FROM "
                    + "pg_stat_database WHERE datname = current_database()), pg_postmaster_start_time()")) {
                rs.next();
                replica = rs.getBoolean(1);
                reset = rs.getObject(2, OffsetDateTime.class);
                start = rs.getObject(3, OffsetDateTime.class);
            }
        }
        return new NodeReport(node, replica, catalog.invalid(), catalog.redundant(), unused,
                catalog.indexes().size(), reset, start);
    }

    /** Plain-text report of several servers. */
    public static String render(List<NodeReport> reports) {
        StringBuilder sb = new StringBuilder();
        for (NodeReport r : reports) {
            sb.append("== ").append(r.node()).append(r.replica() ? " (replica)" : " (primary)").append(": ")
                    .append(r.indexCount()).append(" indexes; scan statistics since ")
                    .append(r.statsReset() != null ? r.statsReset() + " (last reset)"
                            : r.serverStart() + " (server start, never reset)")
                    .append('\n');
            sb.append("  invalid:   ").append(r.invalid().isEmpty() ? "none" : "").append('\n');
            for (Index i : r.invalid()) {
                sb.append("    ").append(i.name()).append(" on ").append(i.table())
                        .append(" -- rebuild: run the release again (liquibase update), or DROP INDEX CONCURRENTLY and recreate\n");
            }
            sb.append("  duplicate or prefix of another: ").append(r.redundant().isEmpty() ? "none" : "").append('\n');
            for (Index[] pair : r.redundant()) {
                sb.append("    ").append(pair[0].name()).append(" is covered by ").append(pair[1].name()).append('\n');
            }
            sb.append("  unused (0 scans; PK, unique and FK indexes not counted): ")
                    .append(r.unused().isEmpty() ? "none" : r.unused().size()).append('\n');
            for (Unused u : r.unused()) {
                sb.append(String.format("    %-45s %-20s %10s%n", u.index(), u.table(), human(u.sizeBytes())));
            }
        }
        return sb.toString();
    }

    private static String human(long bytes) {
        return bytes < 1024 * 1024 ? (bytes / 1024) + " kB" : (bytes / (1024 * 1024)) + " MB";
    }

    /**
     * {@code IndexReport [--services DATABASE] | [--primary URL] [--replica URL]... [--user U] [--password P]}.
     * Without arguments: DB_URL (primary), DB_READ_URLS (comma-separated replicas), DB_USER, DB_PASSWORD.
     * {@code --services DATABASE} attaches to the project-started schema services.
     */
    public static void main(String[] args) throws SQLException {
        Map<String, String> servers = new LinkedHashMap<>();
        String user = Databases.env("DB_USER", "muejam");
        String password = Databases.env("DB_PASSWORD", "");
        List<String> a = Arrays.asList(args);
        if (a.contains("--services")) {
            String database = a.get(a.indexOf("--services") + 1);
            try (LocalServices services = LocalServices.attach(Databases.stateDir())) {
                PgNode primary = services.primary();
                user = primary.user();
                password = primary.password();
                servers.put("primary", Databases.url(primary, database));
                for (PgNode replica : services.replicas()) {
                    servers.put(replica.name(), Databases.url(replica, database));
                }
            }
        } else {
            String primary = Databases.env("DB_URL", null);
            List<String> replicas = new ArrayList<>();
            String read = Databases.env("DB_READ_URLS", "");
            if (!read.isBlank()) {
                replicas.addAll(Arrays.asList(read.split(",")));
            }
            for (int i = 0; i < args.length - 1; i++) {
                switch (args[i]) {
                    case "--primary" -> primary = args[++i];
                    case "--replica" -> replicas.add(args[++i]);
                    case "--user" -> user = args[++i];
                    case "--password" -> password = args[++i];
                    default -> { }
                }
            }
            if (primary == null) {
                throw new IllegalArgumentException("give --primary URL (or DB_URL), or --services DATABASE");
            }
            servers.put("primary", primary);
            for (int i = 0; i < replicas.size(); i++) {
                servers.put("replica" + (i + 1), replicas.get(i).trim());
            }
        }
        List<NodeReport> reports = new ArrayList<>();
        for (Map.Entry<String, String> e : servers.entrySet()) {
            try (Connection c = DriverManager.getConnection(e.getValue(), user, password)) {
                reports.add(inspect(e.getKey() + " " + e.getValue(), c));
            }
        }
        System.out.print(render(reports));
    }
}
