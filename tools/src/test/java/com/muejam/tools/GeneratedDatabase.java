package com.muejam.tools;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import com.muejam.liquibase.Migrations;
import com.muejam.services.LocalServices;
import com.muejam.tools.generator.DataGenerator;

/**
 * One generated database per test JVM on the project-started primary: schema release, data at
 * {@link #ROWS} rows in the big tables, index release, VACUUM ANALYZE. Built on first use, then shared.
 */
final class GeneratedDatabase {

    static final String NAME = "tools_plans";
    /** Rows in stories, notifications, audit_logs, login_attempts; the other tables are sized from it. */
    static final int ROWS = 100_000;
    static final long SEED = 42;

    private static LocalServices services;
    private static DataGenerator.Result result;

    private GeneratedDatabase() {
    }

    static synchronized LocalServices services() {
        if (services == null) {
            boolean wasRunning = Databases.projectServicesRunning();
            services = Databases.projectServices();
            if (!wasRunning) { // stop only what this JVM started
                LocalServices started = services;
                Runtime.getRuntime().addShutdownHook(new Thread(started::down, "schema-services-down"));
            }
        }
        return services;
    }

    static synchronized DataGenerator.Result result() throws SQLException {
        if (result == null) {
            Databases.recreate(services().primary(), NAME);
            try (Connection c = connect()) {
                long t0 = System.nanoTime();
                Migrations.update(c, Migrations.SCHEMA);
                long t1 = System.nanoTime();
                result = DataGenerator.generate(c, DataGenerator.Scale.rows(ROWS), SEED, OffsetDateTime.now());
                long t2 = System.nanoTime();
                Migrations.update(c, Migrations.INDEX);
                long t3 = System.nanoTime();
                Databases.vacuumAnalyze(c);
                long t4 = System.nanoTime();
                System.out.printf("generated %s: schema %.1f s, data %.1f s (%d rows), indexes %.1f s, "
                        + "vacuum analyze %.1f s%n%s", NAME, (t1 - t0) / 1e9, (t2 - t1) / 1e9, result.totalRows(),
                        (t3 - t2) / 1e9, (t4 - t3) / 1e9, result);
            }
        }
        return result;
    }

    static Connection connect() throws SQLException {
        return Databases.connect(services().primary(), NAME);
    }
}
