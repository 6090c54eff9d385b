package com.muejam.it.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.muejam.it.ServicesSession;
import com.muejam.services.PgNode;

/**
 * Direct JDBC to the project-started primary, for client-side ({@code @RunAsClient}) tests: arranging what the API
 * deliberately offers no endpoint for (granting the moderator role) and checking rows behind the API's back.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection primary() throws SQLException {
        PgNode node = ServicesSession.services().primary();
        Properties p = new Properties();
        p.setProperty("user", node.user());
        p.setProperty("password", node.password());
        return DriverManager.getConnection(node.jdbcUrl(), p);
    }

    /** Grants the moderator role. Sign in again afterwards: a session's role is cached with it. */
    public static void promoteToModerator(long userId) {
        update("UPDATE user_credentials SET role = 'moderator', updated_at = now() WHERE user_id = ?", userId);
    }

    public static int update(String sql, Object... params) {
        try (Connection c = primary(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql, Object... params) {
        try (Connection c = primary(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Inserts a row and returns the id of its {@code RETURNING id} clause. */
    public static long insertReturningId(String sql, Object... params) {
        return count(sql, params); // the first column of the first row, as a long
    }

    /**
     * The primary's current WAL insert position, as a {@code MueJam-Consistency} token: reads that send it back see
     * what a test wrote behind the API's back (through JDBC).
     */
    public static String currentWalPosition() {
        try (Connection c = primary(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An md5 of every row of each table, to prove a request changed nothing. */
    public static Map<String, String> fingerprint(List<String> tables) {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = primary(); Statement st = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                        + " FROM " + table + " t")) {
                    rs.next();
                    result.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
