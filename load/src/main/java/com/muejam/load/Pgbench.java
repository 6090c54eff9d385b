package com.muejam.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.muejam.services.PgNode;

/**
 * The primary's own rate for a single-row UPDATE with the same durability (synchronous commit, its WAL streamed to
 * the same replicas), measured with PostgreSQL's pgbench: the yardstick for the API's writes per second.
 */
public final class Pgbench {

    public record Result(double tps, int clients, int seconds, String command) {
    }

    private Pgbench() {
    }

    /** Finds pgbench: on the PATH, or in a PostgreSQL installation under /usr/lib/postgresql. */
    static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).map(Path::toString)
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs {@code clients} pgbench clients for {@code seconds} on a 10,000-row table of its own; null without pgbench. */
    public static Result run(PgNode primary, int clients, int seconds, Path workDir) throws Exception {
        String pgbench = executable();
        if (pgbench == null) {
            return null;
        }
        try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), primary.user(), primary.password());
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS load_pgbench_rows");
            s.execute("CREATE TABLE load_pgbench_rows (id int PRIMARY KEY, v bigint NOT NULL)");
            s.execute("INSERT INTO load_pgbench_rows SELECT g, 0 FROM generate_series(1, 10000) g");
        }
        Files.createDirectories(workDir);
        Path script = workDir.resolve("update.sql");
        Files.writeString(script, "\\set id random(1, 10000)\nUPDATE load_pgbench_rows SET v = v + 1 WHERE id = :id;\n");
        List<String> cmd = new ArrayList<>(List.of(pgbench, "-n", "-h", primary.host(), "-p", Integer.toString(primary.port()),
                "-U", primary.user(), "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Integer.toString(seconds), "-f", script.toString(), primary.database()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (primary.password() != null && !primary.password().isEmpty()) {
            pb.environment().put("PGPASSWORD", primary.password());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(seconds + 60L, TimeUnit.SECONDS);
        try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), primary.user(), primary.password());
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS load_pgbench_rows");
        } catch (SQLException ignored) {
            // the figure stands; the table is dropped at the next run
        }
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        return new Result(Double.parseDouble(m.group(1)), clients, seconds,
                "pgbench -n -c " + clients + " -T " + seconds + " (UPDATE one of 10,000 rows by primary key)");
    }
}
