package com.muejam.liquibase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the packaged changelog to a database. Operators release with the Liquibase CLI or Maven plugin and
 * the same class-path changelog (see the README); this class is what the run command and the tests use, and
 * its {@link #main(String[])} is a small CLI for the same commands.
 *
 * <p>Labels: {@code schema} (tables and constraints, transactional) and {@code index} (one concurrent index
 * build per changeset). A {@code null} label filter selects every changeset.
 */
public final class Migrations {

    /** Class-path location of the master changelog inside this jar. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    /** Label of the table and constraint changesets. */
    public static final String SCHEMA = "schema";
    /** Label of the concurrent index changesets. */
    public static final String INDEX = "index";
    /** Tag at the end of release 0.1.0's schema changesets (rolling back to it removes the index release). */
    public static final String TAG_SCHEMA_0_1_0 = "0.1.0-schema";
    /** Tag at the end of release 0.1.0. */
    public static final String TAG_0_1_0 = "0.1.0";
    public static final String TAG_0_2_0 = "0.2.0";

    private Migrations() {
    }

    /** Runs {@code update} with an optional label filter ({@code null} = all changesets). */
    public static void update(String jdbcUrl, String user, String password, String labelFilter) {
        update(jdbcUrl, user, password, new DatabaseTls(null, null), labelFilter);
    }

    /** Runs {@code update} over a connection with the given TLS settings ({@code DB_SSLMODE}, {@code DB_SSLROOTCERT}). */
    public static void update(String jdbcUrl, String user, String password, DatabaseTls tls, String labelFilter) {
        try (Connection connection = connect(jdbcUrl, user, password, tls)) {
            update(connection, labelFilter);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the connection to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a connection with {@code sslmode}/{@code sslrootcert} from {@code tls} (a {@code sslmode} in the URL
     * wins, as pgjdbc lets URL parameters override properties). A connection refused by TLS fails with a message
     * that names the setting to fix ({@code DB_SSLMODE} or {@code DB_SSLROOTCERT}).
     */
    public static Connection connect(String jdbcUrl, String user, String password, DatabaseTls tls) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        java.util.Properties props = tls.applyTo(new java.util.Properties());
        if (user != null) {
            props.setProperty("user", user);
        }
        props.setProperty("password", password == null ? "" : password);
        try {
            return DriverManager.getConnection(jdbcUrl, props);
        } catch (SQLException e) {
            String why = tls.explain(e, host(jdbcUrl)).orElse(e.getMessage());
            throw new IllegalStateException("cannot connect to " + jdbcUrl + ": " + why, e);
        }
    }

    /** The (first) host of a {@code jdbc:postgresql://host:port/db} URL, for messages. */
    static String host(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int end = 0;
        while (end < rest.length() && ",/?".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String hostPort = rest.substring(0, end);
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close > 0 ? hostPort.substring(1, close) : hostPort;
        }
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 ? hostPort.substring(0, colon) : hostPort;
    }

    /** Runs {@code update} on an open connection; the connection is left open. */
    public static void update(Connection connection, String labelFilter) {
        run(connection, "update", withLabels(labelFilter));
    }

    /** The SQL {@code update} would run ({@code update-sql}), without changing the database. */
    public static String updateSql(Connection connection, String labelFilter) {
        return run(connection, "updateSql", withLabels(labelFilter));
    }

    /** Liquibase's {@code status --verbose} report: how many changesets are pending, and which. */
    public static String status(Connection connection, String labelFilter) {
        Map<String, Object> args = withLabels(labelFilter);
        args.put("verbose", Boolean.TRUE);
        return run(connection, "status", args);
    }

    /** Ids of the changesets {@code update} would run, in changelog order. */
    public static List<String> pendingChangeSets(Connection connection, String labelFilter) {
        boolean autoCommit = autoCommit(connection);
        try {
            return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor()), () -> {
                @SuppressWarnings("deprecation")
                Liquibase liquibase = new Liquibase(CHANGELOG, accessor(), database(connection));
                List<String> ids = new ArrayList<>();
                for (ChangeSet changeSet : liquibase.listUnrunChangeSets(new Contexts(),
                        new LabelExpression(labelFilter))) {
                    ids.add(changeSet.getId());
                }
                return ids;
            });
        } catch (Exception e) {
            throw new IllegalStateException("liquibase status failed: " + e.getMessage(), e);
        } finally {
            restoreAutoCommit(connection, autoCommit);
        }
    }

    /** Rolls back every changeset applied after {@code tag} (newest first). */
    public static void rollbackToTag(Connection connection, String tag) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("tag", tag);
        run(connection, "rollback", args);
    }

    /** Rolls back the {@code count} most recently applied changesets. */
    public static void rollbackCount(Connection connection, int count) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("count", count);
        run(connection, "rollbackCount", args);
    }

    private static Map<String, Object> withLabels(String labelFilter) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("labelFilter", labelFilter);
        return args;
    }

    /** Runs one Liquibase command against the packaged changelog; returns what it printed. */
    private static String run(Connection connection, String command, Map<String, Object> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean autoCommit = autoCommit(connection);
        try {
            Database database = database(connection);
            Scope.child(Scope.Attr.resourceAccessor.name(), accessor(), () -> {
                CommandScope scope = new CommandScope(command)
                        .addArgumentValue("database", database)
                        .addArgumentValue("changelogFile", CHANGELOG)
                        .setOutput(out);
                args.forEach(scope::addArgumentValue);
                scope.execute();
            });
        } catch (Exception e) {
            throw new IllegalStateException("liquibase " + command + " failed: " + rootMessage(e), e);
        } finally {
            restoreAutoCommit(connection, autoCommit); // Liquibase leaves its own transaction mode behind
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean autoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // nothing of Liquibase's is left uncommitted on success
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Database database(Connection connection) throws Exception {
        // Liquibase caches the changelog history per database in a JVM-wide singleton; a second command in the
        // same JVM (tests, tools) must read the table again, or a changeset tagged meanwhile looks unrun.
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    }

    private static ClassLoaderResourceAccessor accessor() {
        return new ClassLoaderResourceAccessor(Migrations.class.getClassLoader());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t.getMessage() + ")";
    }

    /**
     * A small release CLI on the database named by the application's variables (DB_URL, or DB_HOST, DB_PORT,
     * DB_NAME; DB_USER, DB_PASSWORD; TLS from DB_SSLMODE, default prefer, and DB_SSLROOTCERT):
     * <pre>
     *   Migrations                         update, all changesets (what the run command does)
     *   Migrations update [labelFilter]    e.g. "update schema", then "update index"
     *   Migrations status [labelFilter]
     *   Migrations update-sql [labelFilter]
     *   Migrations rollback &lt;tag&gt;
     *   Migrations rollback-count &lt;n&gt;
     *   Migrations &lt;labelFilter&gt;            same as "update &lt;labelFilter&gt;" (kept for older scripts)
     * </pre>
     */
    public static void main(String[] args) {
        String url = env("DB_URL", null);
        if (url == null) {
            url = "jdbc:postgresql://" + env("DB_HOST", "localhost") + ":" + env("DB_PORT", "5432") + "/"
                    + env("DB_NAME", "muejam");
        }
        List<String> commands = List.of("update", "status", "update-sql", "rollback", "rollback-count");
        String command = args.length > 0 && commands.contains(args[0]) ? args[0] : "update";
        List<String> rest = args.length > 0 && commands.contains(args[0])
                ? Arrays.asList(args).subList(1, args.length) : Arrays.asList(args);
        String arg = rest.isEmpty() ? null : rest.get(0);
        DatabaseTls tls = DatabaseTls.fromEnvironment();
        try (Connection connection = connect(url, env("DB_USER", "muejam"), env("DB_PASSWORD", ""), tls)) {
            switch (command) {
                case "update" -> {
                    update(connection, arg);
                    System.out.println("liquibase update applied to " + url);
                }
                case "status" -> System.out.print(status(connection, arg));
                case "update-sql" -> System.out.print(updateSql(connection, arg));
                case "rollback" -> {
                    rollbackToTag(connection, Objects.requireNonNull(arg, "rollback needs a tag"));
                    System.out.println("rolled back to tag " + arg + " on " + url);
                }
                case "rollback-count" -> {
                    rollbackCount(connection, Integer.parseInt(Objects.requireNonNull(arg, "rollback-count needs n")));
                    System.out.println("rolled back " + arg + " changesets on " + url);
                }
                default -> throw new IllegalArgumentException(command);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
