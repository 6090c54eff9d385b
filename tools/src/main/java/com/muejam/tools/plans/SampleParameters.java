package com.muejam.tools.plans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import com.muejam.domain.TimeCursor;
import com.muejam.infrastructure.persistence.HotQuery;
import com.muejam.tools.generator.Words;

/**
 * Parameter values for every {@link HotQuery}, taken from a generated database, in two cases:
 * <ul>
 *   <li>{@link Case#TYPICAL}: an active but not extreme user, author, address... (the 50th most frequent value of
 *       the Zipf distributions), a rare genre or action; what most calls look like;</li>
 *   <li>{@link Case#HEAVY}: the most frequent value of each distribution (the longest lists, the commonest genre or
 *       action). For such values a list ordered by time is often found as fast by walking a time-ordered index
 *       and filtering, and the planner may prefer that; the plan test still forbids sequential scans there.</li>
 * </ul>
 * First pages (cursor sentinels) in both. A query added to the catalogue without samples fails the plan test
 * ({@link #forQuery} throws).
 */
public final class SampleParameters {

    /** Which values to pick. */
    public enum Case {
        TYPICAL(50), HEAVY(0);

        final int rank;

        Case(int rank) {
            this.rank = rank;
        }
    }

    private final Map<String, Object> common = new HashMap<>();
    private final OffsetDateTime now;
    private final Connection connection;
    private final Case sampleCase;

    private SampleParameters(Connection connection, Case sampleCase) throws SQLException {
        this.connection = connection;
        this.sampleCase = sampleCase;
        this.now = value("SELECT max(created_at) FROM login_attempts", OffsetDateTime.class);
        common.put("limit", 20);
        common.put("batch", 1000);
        common.put("beforeAt", TimeCursor.FAR_FUTURE);
        common.put("beforeId", Long.MAX_VALUE);
        common.put("afterAt", TimeCursor.FAR_PAST);
        common.put("afterId", 0L);
        common.put("beforeCount", Long.MAX_VALUE);
        common.put("showNsfw", false);
        common.put("now", now);
        common.put("viewerId", top("blocked_users", "blocker_id"));
    }

    /** Reads the sample values from the database behind {@code connection}. */
    public static SampleParameters from(Connection connection, Case sampleCase) throws SQLException {
        return new SampleParameters(connection, sampleCase);
    }

    public Case sampleCase() {
        return sampleCase;
    }

    private boolean heavy() {
        return sampleCase == Case.HEAVY;
    }

    public OffsetDateTime now() {
        return now;
    }

    /** Named values for {@code q}: every parameter it has, no other. */
    public Map<String, Object> forQuery(HotQuery q) throws SQLException {
        Map<String, Object> v = new HashMap<>(common);
        switch (q.name()) { // names are unique across the aggregates' enums
            case "PROFILE_BY_USERNAME" -> v.put("username", value("SELECT username FROM user_profiles "
                    + "ORDER BY id DESC LIMIT 1", String.class));
            case "PROFILE_SEARCH_USERNAME_PREFIX", "PROFILE_SEARCH_USERNAME_PREFIX_VISIBLE" -> {
                prefix(v, "SELECT lower(username) FROM user_profiles ORDER BY id LIMIT 1");
                v.put("afterUsername", "");
            }
            case "PROFILE_SEARCH_DISPLAY_NAME_PREFIX" -> {
                prefix(v, "SELECT lower(display_name) FROM user_profiles WHERE display_name IS NOT NULL "
                        + "ORDER BY id LIMIT 1");
                v.put("afterName", "");
            }
            case "PROFILES_RECENTLY_ACTIVE" -> { }
            case "PROFILES_CREATED_BETWEEN" -> {
                v.put("afterAt", now.minusDays(7));
                v.put("to", now);
            }
            case "STORIES_PUBLISHED_BY_AUTHOR", "STORY_DRAFTS_BY_AUTHOR" ->
                    v.put("authorId", top("stories", "author_id"));
            case "DISCOVER_NEWEST", "DISCOVER_FEATURED", "DISCOVER_POPULAR", "DISCOVER_MOST_READ",
                 "DISCOVER_RECENTLY_UPDATED" -> { }
            case "DISCOVER_GENRE" -> v.put("genre", heavy() ? "general" : "adventure");
            // a specific word for a typical search, a common one (about 0.3% of titles) for the heavy case
            case "STORY_TITLE_SEARCH" -> v.put("terms", Words.word(heavy() ? 150 : 1500));
            case "MODERATION_QUEUE" -> { }
            case "MODERATION_QUEUE_BY_REASON" -> v.put("reason", heavy() ? "spam" : "violence");
            case "FLAGS_FOR_TARGET", "RESOLVE_PENDING_FLAGS_FOR_TARGET" -> {
                v.put("targetType", "story");
                v.put("targetId", ranked("SELECT target_id FROM content_flags WHERE target_type = 'story' "
                        + "GROUP BY 1 ORDER BY count(*) DESC, 1"));
                v.put("status", "resolved");
                v.put("moderatorId", 1L);
            }
            case "FLAGS_BY_REPORTER" -> v.put("reporterId", top("content_flags", "reporter_id"));
            case "PENDING_FLAG_EXISTS" -> {
                v.put("reporterId", top("content_flags", "reporter_id"));
                v.put("targetType", "story");
                v.put("targetId", value("SELECT target_id FROM content_flags WHERE status = 'pending' "
                        + "AND target_type = 'story' ORDER BY id LIMIT 1", Long.class));
            }
            case "RECENTLY_RESOLVED_FLAGS" -> { }
            case "FLAGS_RESOLVED_BY", "ACTIONS_BY_MODERATOR" -> v.put("moderatorId", value("SELECT moderator_id "
                    + "FROM moderation_actions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 OFFSET "
                    + (heavy() ? 0 : 10), Long.class)); // there are only 50 moderators
            case "ACTIONS_FOR_FLAG" -> v.put("flagId", value("SELECT max(flag_id) FROM moderation_actions",
                    Long.class));
            case "ACTIONS_AGAINST_TARGET" -> {
                v.put("targetType", "story");
                v.put("targetId", ranked("SELECT target_id FROM moderation_actions WHERE target_type = 'story' "
                        + "GROUP BY 1 ORDER BY count(*) DESC, 1"));
            }
            case "ACTIONS_OF_TYPE_BETWEEN" -> {
                v.put("action", heavy() ? "hide_content" : "ban_user");
                v.put("from", now.minusDays(30));
            }
            case "ACTIONS_BETWEEN" -> v.put("from", now.minusDays(7));
            case "RATE_LIMIT_LOOKUP", "RATE_LIMIT_HIT", "RATE_LIMIT_HIT_BELOW", "RATE_LIMIT_UNHIT" -> {
                v.put("max", 5);
                // the newest window of the busiest key (the first rows written)
                v.put("key", value("SELECT rate_key FROM rate_limit_entries ORDER BY id LIMIT 1", String.class));
                v.put("windowStart", value("SELECT window_start FROM rate_limit_entries ORDER BY id LIMIT 1",
                        OffsetDateTime.class));
            }
            case "RATE_LIMIT_PURGE" -> v.put("before", now.minusDays(1));
            case "AUDIT_BY_ACTOR" -> {
                v.put("actorId", top("audit_logs", "actor_id"));
                v.put("from", now.minusDays(90));
            }
            case "AUDIT_BY_TARGET" -> {
                v.put("targetType", "story");
                v.put("targetId", ranked("SELECT target_id FROM audit_logs WHERE target_type = 'story' "
                        + "GROUP BY 1 ORDER BY count(*) DESC, 1"));
                v.put("from", now.minusDays(90));
            }
            case "AUDIT_BY_ACTION" -> {
                v.put("action", heavy() ? "session.login" : "account.two_factor_enable");
                v.put("from", now.minusDays(90));
            }
            case "AUDIT_BY_IP" -> {
                v.put("ip", value("SELECT host(ip) FROM audit_logs WHERE ip IS NOT NULL "
                        + "GROUP BY ip ORDER BY count(*) DESC, ip LIMIT 1 OFFSET " + sampleCase.rank, String.class));
                v.put("from", now.minusDays(90));
            }
            case "AUDIT_PURGE" -> v.put("before", now.minusDays(360));
            case "NOTIFICATIONS_ADD" -> {
                v.put("recipientId", top("notifications", "recipient_id"));
                v.put("type", "story_liked");
                v.put("subjectType", "story");
                v.put("subjectId", ranked("SELECT subject_id FROM notifications WHERE subject_type = 'story' "
                        + "GROUP BY 1 ORDER BY count(*) DESC, 1"));
                v.put("payload", "{\"actor\": 1}");
            }
            case "NOTIFICATIONS_UNREAD", "NOTIFICATIONS_UNREAD_COUNT", "NOTIFICATIONS_MARK_ALL_READ",
                 "NOTIFICATIONS_INBOX" ->
                    v.put("recipientId", top("notifications", "recipient_id"));
            case "NOTIFICATIONS_MARK_READ" -> {
                v.put("recipientId", top("notifications", "recipient_id"));
                v.put("id", value("SELECT max(id) FROM notifications WHERE read_at IS NULL", Long.class));
            }
            case "NOTIFICATIONS_INBOX_BY_TYPE" -> {
                v.put("recipientId", top("notifications", "recipient_id"));
                v.put("type", "mention");
            }
            case "NOTIFICATIONS_DELETE_FOR_SUBJECT" -> {
                v.put("subjectType", "story");
                v.put("subjectId", ranked("SELECT subject_id FROM notifications WHERE subject_type = 'story' "
                        + "GROUP BY 1 ORDER BY count(*) DESC, 1"));
            }
            case "NOTIFICATIONS_PURGE_READ" -> v.put("before", now.minusDays(150));
            case "PRIVACY_BY_USER", "TWO_FACTOR_BY_USER" -> v.put("userId", value("SELECT min(user_id) FROM "
                    + "two_factor_auth", Long.class));
            case "IS_BLOCKED" -> {
                v.put("blockerId", common.get("viewerId"));
                v.put("blockedId", value("SELECT min(blocked_id) FROM blocked_users WHERE blocker_id = "
                        + common.get("viewerId"), Long.class));
            }
            case "BLOCK_LIST", "BLOCK_LIST_NAMED" -> v.put("blockerId", common.get("viewerId"));
            case "BLOCKERS_OF", "BLOCKED_BY_COUNT" -> v.put("blockedId", top("blocked_users", "blocked_id"));
            case "LOGIN_FAILURES_FOR_USERNAME", "LOGIN_FAILURE_TIMES_FOR_USERNAME",
                 "LOGIN_HISTORY_FOR_USERNAME" -> {
                v.put("username", rankedValue("login_attempts", "username", String.class));
                v.put("since", now.minusMinutes(15));
            }
            case "LOGIN_FAILURES_FOR_IP", "LOGIN_FAILURE_TIMES_FOR_IP", "LOGIN_ATTEMPTS_FOR_IP" -> {
                v.put("ip", value("SELECT host(ip) FROM login_attempts WHERE NOT success GROUP BY ip "
                        + "ORDER BY count(*) DESC, ip LIMIT 1 OFFSET " + (heavy() ? 0 : 20), String.class));
                v.put("since", now.minusMinutes(15));
            }
            case "RECENT_FAILED_LOGINS" -> { }
            case "LOGIN_ATTEMPTS_PURGE" -> v.put("before", now.minusDays(29));
            case "SESSION_BY_TOKEN_HASH", "SESSION_REVOKE" -> v.put("tokenHash", value("SELECT token_hash "
                    + "FROM sessions WHERE revoked_at IS NULL ORDER BY id DESC LIMIT 1", byte[].class));
            case "SESSIONS_ACTIVE_FOR_USER", "SESSIONS_REVOKE_ALL_FOR_USER", "SESSION_HISTORY" ->
                    v.put("userId", top("sessions", "user_id"));
            case "SESSIONS_REVOKE_OTHERS_FOR_USER" -> {
                v.put("userId", top("sessions", "user_id"));
                v.put("keepId", 0L);
            }
            case "SESSIONS_PURGE_EXPIRED" -> v.put("before", now.minusDays(20));
            default -> throw new IllegalStateException("no sample parameters for " + q);
        }
        v.keySet().retainAll(q.parameters());
        return v;
    }

    /** The case's row of a "value, ordered by frequency" query. */
    private long ranked(String sql) throws SQLException {
        return value(sql + " LIMIT 1 OFFSET " + sampleCase.rank, Long.class);
    }

    /** A prefix of the first row's value (3 characters; 1 for the heavy case), and its range end. */
    private void prefix(Map<String, Object> v, String sql) throws SQLException {
        String value = value(sql, String.class);
        String p = value.substring(0, Math.min(heavy() ? 1 : 3, value.length()));
        v.put("prefix", p);
        v.put("prefixEnd", p.substring(0, p.length() - 1) + (char) (p.charAt(p.length() - 1) + 1));
    }

    /** The case's value of a column: the most frequent (heavy) or the 50th most frequent (typical). */
    private long top(String table, String column) throws SQLException {
        return rankedValue(table, column, Long.class);
    }

    private <T> T rankedValue(String table, String column, Class<T> type) throws SQLException {
        return value("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL GROUP BY 1 "
                + "ORDER BY count(*) DESC, 1 LIMIT 1 OFFSET " + sampleCase.rank, type);
    }

    private <T> T value(String sql, Class<T> type) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getObject(1) == null) {
                throw new IllegalStateException("no sample value: " + sql);
            }
            return rs.getObject(1, type);
        }
    }
}
