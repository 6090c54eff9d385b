package com.muejam.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** JDBC helpers with short timeouts, so a paused server makes a check fail instead of hanging it. */
final class Sql {

    static final String ADMIN_USER = "postgres";
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Sql() {
    }

    /** Opens a connection without DriverManager (whose class-loader rules bite inside application servers). */
    static Connection connect(String host, int port, String database, String user, int timeoutSeconds)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("socketTimeout", Integer.toString(Math.max(timeoutSeconds, 30)));
        p.setProperty("ApplicationName", "muejam-local-services");
        Connection c = DRIVER.connect("jdbc:postgresql://" + host + ":" + port + "/" + database, p);
        if (c == null) {
            throw new SQLException("driver refused the URL");
        }
        return c;
    }

    static Connection admin(int port, int timeoutSeconds) throws SQLException {
        return connect("127.0.0.1", port, "postgres", ADMIN_USER, timeoutSeconds);
    }

    /** First column of the first row, or null. */
    static String one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static List<String[]> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
