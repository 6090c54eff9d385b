package com.muejam.liquibase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the packaged changelog to a database. The release path for operators is the Liquibase CLI or Maven
 * plugin with the same changelog (see the README); this class is what the run command and the tests use.
 */
public final class Migrations {

    /** Class-path location of the master changelog inside this jar. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private Migrations() {
    }

    /** Runs {@code update} with an optional label filter ({@code null} = all changesets). */
    public static void update(String jdbcUrl, String user, String password, String labelFilter) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password)) {
            update(connection, labelFilter);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code update} on an open connection; the connection is left open. */
    public static void update(Connection connection, String labelFilter) {
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, labelFilter)
                            .execute());
        } catch (LiquibaseException e) {
            throw new IllegalStateException("liquibase update failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("liquibase update failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code java -cp muejam-liquibase.jar com.muejam.liquibase.Migrations} applies every changeset to the
     * database named by the application's variables (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD).
     */
    public static void main(String[] args) {
        String host = env("DB_HOST", "localhost");
        String port = env("DB_PORT", "5432");
        String name = env("DB_NAME", "muejam");
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
        update(url, env("DB_USER", "muejam"), env("DB_PASSWORD", ""), args.length > 0 ? args[0] : null);
        System.out.println("liquibase update applied to " + url);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
