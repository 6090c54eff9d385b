package com.muejam.tools.generator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fills an empty MueJam schema with realistic, skewed data, fast: every table is streamed with COPY.
 *
 * <p>Shape of the data (all from one seed, so a run is reproducible):
 * <ul>
 *   <li>authors, readers, reporters, recipients and blocked accounts are Zipf-distributed over the users
 *       (a few users are very active, most are not); ids are scattered, not ranked;</li>
 *   <li>ids follow time (stories, flags, notifications, audit, logins, sessions are appended in time order),
 *       with more rows in the recent past;</li>
 *   <li>85% of stories published, 8% NSFW, 2% deleted, 0.5% featured; likes heavy-tailed; titles use a Zipf
 *       vocabulary;</li>
 *   <li>3% of flags pending (recent), the rest resolved or dismissed by ~50 moderators, one action each;</li>
 *   <li>about 90% of notifications read (old ones almost all, recent ones half);</li>
 *   <li>half the users block nobody, the others a few accounts (about 3 per user overall);</li>
 *   <li>audit actions steeply skewed (sign-ins and edits dominate, security and moderation events are rare);</li>
 *   <li>login attempts over 30 days with 7% failures, part of them from a pool of attacking addresses.</li>
 * </ul>
 * Ids are written explicitly and the identity sequences are moved past them afterwards. Tables are loaded in
 * foreign-key order. Row-by-row foreign-key checks cost two thirds of the load time (measured: 10^6 notifications
 * 29 s with them, 10 s without), so when the role may (a superuser: {@code session_replication_role = replica}),
 * they are skipped during COPY and every foreign key is verified afterwards with one set-based anti-join; a role
 * that may not gets the ordinary checked load.
 */
public final class DataGenerator {

    /** Row counts per table. {@link #rows(int)} derives them all from the size of the big tables. */
    public record Scale(int users, int stories, int flags, int rateLimitEntries, int auditLogs, int notifications,
                        int loginAttempts, int sessions, double blocksPerUser) {

        /** Big tables (stories, notifications, audit_logs, login_attempts) get {@code n} rows, users n/5. */
        public static Scale rows(int n) {
            return new Scale(Math.max(1000, n / 5), n, n / 4, n / 4, n, n, n, n / 4, 3.0);
        }
    }

    /** What was written: rows and load time per table. */
    public record Result(Map<String, Long> rows, Map<String, Duration> times, OffsetDateTime now, long seed) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format("%-20s %12s %10s %14s%n", "table", "rows", "seconds",
                    "rows/s"));
            rows.forEach((t, n) -> {
                double s = times.get(t).toNanos() / 1e9;
                sb.append(String.format("%-20s %12d %10.2f %14.0f%n", t, n, s, n / Math.max(s, 1e-9)));
            });
            return sb.toString();
        }
    }

    static final String[] GENRES = {"general", "fantasy", "romance", "scifi", "mystery", "horror", "thriller",
        "poetry", "fanfiction", "humor", "drama", "adventure"};
    static final String[] REASONS = {"spam", "harassment", "nsfw_unmarked", "hate", "plagiarism", "violence",
        "other"};
    static final String[] AUDIT_ACTIONS = {"session.login", "story.edit", "story.publish", "profile.update",
        "session.logout", "story.delete", "flag.create", "privacy.update", "block.create", "moderation.hide",
        "moderation.remove", "moderation.warn", "account.password_change", "account.two_factor_enable",
        "moderation.ban"};
    static final String[] AGENTS = {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148",
        "Mozilla/5.0 (Linux; Android 15) Chrome/131.0 Mobile", "MueJam/3.2 (Android)", "MueJam/3.2 (iOS)"};
    /** Tables in load order (foreign keys first). */
    public static final List<String> TABLES = List.of("user_profiles", "stories", "content_flags",
            "moderation_actions", "rate_limit_entries", "audit_logs", "notifications", "privacy_settings",
            "blocked_users", "login_attempts", "sessions", "two_factor_auth");

    private static final long US_PER_SECOND = 1_000_000L;
    private static final long HOUR = 3600 * US_PER_SECOND;
    private static final long DAY = 24 * HOUR;
    private static final int MODERATORS = 50;

    private final Connection connection;
    private final Scale scale;
    private final long seed;
    private final long nowUs;
    private final SplittableRandom random;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Duration> times = new LinkedHashMap<>();

    // shared state between tables
    private Zipf authors;
    private Zipf readers;
    private Zipf stories;
    private Zipf vocabulary;
    private Zipf moderators;
    private String[] usernames;
    private long[] userCreated;

    private DataGenerator(Connection connection, Scale scale, long seed, OffsetDateTime now) {
        this.connection = connection;
        this.scale = scale;
        this.seed = seed;
        this.nowUs = now.toInstant().getEpochSecond() * US_PER_SECOND + now.getNano() / 1000;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Fills the (empty) tables of the schema on {@code connection} at {@code scale}; {@code now} is the newest
     * timestamp written. The connection is left in auto-commit mode.
     */
    public static Result generate(Connection connection, Scale scale, long seed, OffsetDateTime now)
            throws SQLException {
        DataGenerator g = new DataGenerator(connection, scale, seed, now.truncatedTo(ChronoUnit.MICROS));
        g.run();
        return new Result(java.util.Collections.unmodifiableMap(g.rows), java.util.Collections.unmodifiableMap(g.times), now, seed);
    }

    /** Only notifications, for a given number of existing users (the generator's speed benchmark). */
    public static Result generateNotifications(Connection connection, int users, int notifications, long seed,
                                               OffsetDateTime now) throws SQLException {
        DataGenerator g = new DataGenerator(connection, new Scale(users, 1, 0, 0, 0, notifications, 0, 0, 0), seed,
                now.truncatedTo(ChronoUnit.MICROS));
        g.prepare();
        g.timed("notifications", g::notifications);
        g.finish();
        return new Result(java.util.Collections.unmodifiableMap(g.rows), java.util.Collections.unmodifiableMap(g.times), now, seed);
    }

    private void run() throws SQLException {
        prepare();
        for (String table : TABLES) {
            if (count(table) > 0) {
                throw new IllegalStateException("table " + table + " is not empty: the generator fills an empty schema");
            }
        }
        timed("user_profiles", this::users);
        timed("stories", this::stories);
        timed("content_flags", this::flags);
        timed("moderation_actions", this::actions);
        timed("rate_limit_entries", this::rateLimits);
        timed("audit_logs", this::auditLogs);
        timed("notifications", this::notifications);
        timed("privacy_settings", this::privacy);
        timed("blocked_users", this::blocks);
        timed("login_attempts", this::loginAttempts);
        timed("sessions", this::sessions);
        timed("two_factor_auth", this::twoFactor);
        finish();
        try (Statement st = connection.createStatement()) {
            for (String t : List.of("user_profiles", "stories", "content_flags", "moderation_actions",
                    "rate_limit_entries", "audit_logs", "notifications", "blocked_users", "login_attempts",
                    "sessions")) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), "
                        + "(SELECT coalesce(max(id), 0) + 1 FROM " + t + "), false)");
            }
        }
    }

    private boolean triggersOff;

    private void prepare() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("SET synchronous_commit = off"); // a bulk load: losing the tail on a crash is acceptable
            try {
                st.execute("SET session_replication_role = replica"); // no per-row FK triggers (superuser only)
                triggersOff = true;
            } catch (SQLException notSuperuser) {
                triggersOff = false; // the foreign keys are checked row by row instead
            }
        }
        authors = new Zipf(scale.users(), 1.0, 1, random.split());
        readers = new Zipf(scale.users(), 0.9, 1, random.split());
        stories = new Zipf(Math.max(1, scale.stories()), 1.0, 1, random.split());
        vocabulary = new Zipf(Words.SIZE, 1.0, 0, null); // not shuffled: rank i is word i
        moderators = new Zipf(MODERATORS, 1.0, 1, random.split());
    }

    /** Restores trigger firing and, if the load skipped them, verifies every foreign key set-wise. */
    private void finish() throws SQLException {
        if (!triggersOff) {
            return;
        }
        List<String> checks = new java.util.ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.execute("RESET session_replication_role");
            try (ResultSet rs = st.executeQuery("""
                    SELECT c.conname, t.relname, a.attname, pt.relname, pa.attname
                    FROM pg_constraint c
                    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class pt ON pt.oid = c.confrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                    WHERE c.contype = 'f' AND n.nspname = 'public' AND cardinality(c.conkey) = 1""")) {
                while (rs.next()) {
                    checks.add(rs.getString(1) + "|SELECT count(*) FROM " + rs.getString(2) + " c WHERE c."
                            + rs.getString(3) + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + rs.getString(4)
                            + " p WHERE p." + rs.getString(5) + " = c." + rs.getString(3) + ")");
                }
            }
            for (String check : checks) {
                String[] parts = check.split("\\|", 2);
                try (ResultSet rs = st.executeQuery(parts[1])) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new IllegalStateException(rs.getLong(1) + " rows violate " + parts[0]);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Load {
        long load() throws SQLException;
    }

    private void timed(String table, Load load) throws SQLException {
        long start = System.nanoTime();
        long n = load.load();
        times.put(table, Duration.ofNanos(System.nanoTime() - start));
        rows.put(table, n);
    }

    private long count(String table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Time of the i-th of n rows appended over {@code span} until now, denser towards now. */
    private long appendTime(long i, long n, long span) {
        double x = 1.0 - (double) i / n;
        return nowUs - (long) (span * x * x) - (long) (random.nextDouble() * Math.min(span / Math.max(n, 1), HOUR));
    }

    private String words(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Words.word((int) vocabulary.next(random)));
        }
        return sb.toString();
    }

    static String userIp(long userId) {
        return "10." + ((userId >> 16) & 255) + "." + ((userId >> 8) & 255) + "." + (userId & 255);
    }

    private String randomIp() {
        if (random.nextInt(10) == 0) {
            return "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::" + Integer.toHexString(
                    random.nextInt(65536));
        }
        return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private String hex64() {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            String h = Long.toHexString(random.nextLong());
            for (int k = h.length(); k < 16; k++) {
                sb.append('0');
            }
            sb.append(h);
        }
        return sb.toString();
    }

    private int weighted(double[] cumulativeWeights) {
        double u = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (u < cumulativeWeights[i]) {
                return i;
            }
        }
        return cumulativeWeights.length - 1;
    }

    private static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i];
            c[i] = s;
        }
        return c;
    }

    private static double[] zipfWeights(int n) {
        return zipfWeights(n, 1.0);
    }

    private static double[] zipfWeights(int n, double exponent) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / Math.pow(i + 1, exponent);
        }
        return cumulative(w);
    }

    // ---- tables ----------------------------------------------------------------------------------------------

    private long users() throws SQLException {
        int n = scale.users();
        usernames = new String[n + 1];
        userCreated = new long[n + 1];
        try (CopyWriter w = new CopyWriter(connection, "user_profiles",
                "id, username, display_name, bio, created_at, last_seen")) {
            for (int id = 1; id <= n; id++) {
                long created = nowUs - 3 * 365 * DAY + (3 * 365 * DAY) * id / n - (long) (random.nextDouble() * HOUR);
                String name = Words.word(random.nextInt(Words.SIZE)) + "_" + id;
                usernames[id] = name;
                userCreated[id] = created;
                w.add(id).add(name);
                if (random.nextInt(10) == 0) {
                    w.nul();
                } else {
                    w.add(Words.capitalized(Words.word(random.nextInt(Words.SIZE))) + " "
                            + Words.capitalized(Words.word(random.nextInt(Words.SIZE))));
                }
                w.add(random.nextInt(10) < 4 ? words(5 + random.nextInt(15)) : null);
                w.time(created);
                if (random.nextInt(100) < 85) {
                    double u = random.nextDouble();
                    w.time(Math.max(created, nowUs - (long) (90 * DAY * u * u * u)));
                } else {
                    w.nul();
                }
                w.endRow();
            }
            return w.rows();
        }
    }

    private long stories() throws SQLException {
        int n = scale.stories();
        double[] genres = zipfWeights(GENRES.length);
        try (CopyWriter w = new CopyWriter(connection, "stories", "id, author_id, title, body, status, featured, "
                + "nsfw, deleted, published_at, created_at, updated_at, view_count, like_count, comment_count, "
                + "version, genre")) {
            for (int id = 1; id <= n; id++) {
                long author = authors.next(random);
                long created = Math.max(userCreated[(int) author], appendTime(id, n, 2 * 365 * DAY));
                boolean published = random.nextInt(100) < 85;
                long publishedAt = published ? Math.min(nowUs, created + (long) (random.nextDouble() * 3 * DAY)) : -1;
                long base = published ? publishedAt : created;
                double u = random.nextDouble();
                long updated = base + (long) ((nowUs - base) * Math.pow(u, 6));
                long likes = published ? Math.min(1_000_000L,
                        (long) (Math.pow(1 - random.nextDouble(), -1 / 1.1) - 1)) : 0;
                long views = published ? likes * (10 + random.nextInt(40)) + random.nextInt(500) : 0;
                long comments = likes / 8 + (published ? random.nextInt(3) : 0);
                w.add(id).add(author).add(Words.capitalized(words(2 + random.nextInt(5))))
                        .add(words(25 + random.nextInt(20)))
                        .add(published ? "published" : "draft")
                        .add(published && random.nextInt(200) == 0)
                        .add(random.nextInt(100) < 8)
                        .add(random.nextInt(50) == 0)
                        .timeOrNull(publishedAt).time(created).time(updated)
                        .add(views).add(likes).add(comments).add(0L)
                        .add(GENRES[weighted(genres)]);
                w.endRow();
            }
            return w.rows();
        }
    }

    /** Writes content_flags and remembers, per flag, who closed it and when (for moderation_actions). */
    private long flags() throws SQLException {
        int n = scale.flags();
        int[] closedBy = new int[n + 1];
        long[] resolvedAt = new long[n + 1];
        long[] target = new long[n + 1];
        boolean[] targetIsStory = new boolean[n + 1];
        boolean[] resolved = new boolean[n + 1];
        double[] reasons = zipfWeights(REASONS.length);
        Set<Long> pendingKeys = new HashSet<>();
        long keySpace = 2L * (Math.max(scale.stories(), scale.users()) + 1);
        try (CopyWriter w = new CopyWriter(connection, "content_flags", "id, target_type, target_id, reporter_id, "
                + "reason, details, status, created_at, resolved_at, resolved_by")) {
            for (int id = 1; id <= n; id++) {
                boolean story = random.nextInt(100) < 85;
                long tid = story ? stories.next(random) : authors.next(random);
                long reporter = readers.next(random);
                int roll = random.nextInt(100);
                String status = roll < 3 ? "pending" : roll < 63 ? "resolved" : "dismissed";
                long created;
                if (status.equals("pending")) {
                    while (!pendingKeys.add(reporter * keySpace + 2 * tid + (story ? 0 : 1))) {
                        reporter = readers.next(random);
                    }
                    created = nowUs - (long) (14 * DAY * random.nextDouble());
                } else {
                    created = nowUs - 7 * DAY - (long) (358 * DAY * random.nextDouble());
                }
                w.add(id).add(story ? "story" : "profile").add(tid).add(reporter)
                        .add(REASONS[weighted(reasons)])
                        .add(random.nextInt(10) < 3 ? words(4 + random.nextInt(10)) : null)
                        .add(status).time(created);
                if (status.equals("pending")) {
                    w.nul().nul();
                } else {
                    long at = created + HOUR + (long) (6 * DAY * random.nextDouble());
                    int mod = (int) moderators.next(random);
                    closedBy[id] = mod;
                    resolvedAt[id] = at;
                    resolved[id] = status.equals("resolved");
                    w.time(at).add(moderatorUserId(mod));
                }
                target[id] = tid;
                targetIsStory[id] = story;
                w.endRow();
            }
            this.flagClosedBy = closedBy;
            this.flagResolvedAt = resolvedAt;
            this.flagTarget = target;
            this.flagTargetIsStory = targetIsStory;
            this.flagResolved = resolved;
            return w.rows();
        }
    }

    private int[] flagClosedBy = new int[1];
    private long[] flagResolvedAt;
    private long[] flagTarget;
    private boolean[] flagTargetIsStory;
    private boolean[] flagResolved;

    /** Moderators are the users of ids 1..50 (accounts created first). */
    private static long moderatorUserId(int moderator) {
        return moderator;
    }

    private long actions() throws SQLException {
        int[] closedBy = flagClosedBy;
        String[] resolveActions = {"hide_content", "remove_content", "warn_user", "suspend_user", "ban_user"};
        double[] resolveWeights = cumulative(40, 30, 20, 7, 3);
        long id = 0;
        try (CopyWriter w = new CopyWriter(connection, "moderation_actions",
                "id, flag_id, moderator_id, target_type, target_id, action, note, created_at")) {
            for (int flag = 1; flag < closedBy.length; flag++) {
                if (closedBy[flag] == 0) {
                    continue;
                }
                String action = flagResolved[flag] ? resolveActions[weighted(resolveWeights)] : "dismiss";
                w.add(++id).add((long) flag).add(moderatorUserId(closedBy[flag]))
                        .add(flagTargetIsStory[flag] ? "story" : "profile").add(flagTarget[flag])
                        .add(action).add(random.nextInt(4) == 0 ? words(3 + random.nextInt(8)) : null)
                        .time(flagResolvedAt[flag]);
                w.endRow();
            }
            int proactive = scale.flags() / 20;
            for (int i = 0; i < proactive; i++) {
                boolean story = random.nextBoolean();
                w.add(++id).nul().add(moderatorUserId((int) moderators.next(random)))
                        .add(story ? "story" : "profile")
                        .add(story ? stories.next(random) : authors.next(random))
                        .add(resolveActions[weighted(resolveWeights)]).add("proactive")
                        .time(nowUs - (long) (365 * DAY * random.nextDouble()));
                w.endRow();
            }
            return w.rows();
        }
    }

    private long rateLimits() throws SQLException {
        int n = scale.rateLimitEntries();
        int keys = Math.max(100, n / 20);
        double h = 0;
        for (int k = 1; k <= keys; k++) {
            h += 1.0 / k;
        }
        long minute = 60 * US_PER_SECOND;
        long nowMinute = Math.floorDiv(nowUs, minute) * minute;
        long id = 0;
        try (CopyWriter w = new CopyWriter(connection, "rate_limit_entries",
                "id, rate_key, window_start, hit_count")) {
            for (int k = 0; k < keys && id < n; k++) {
                int windows = (int) Math.max(1, Math.round(n / h / (k + 1)));
                String key = switch (k % 3) {
                    case 0 -> "login:ip:" + userIp(readers.idOfRank(k % scale.users()));
                    case 1 -> "api:user:" + readers.idOfRank(k % scale.users());
                    default -> "story:create:" + authors.idOfRank(k % scale.users());
                };
                long offset = random.nextInt(60) * minute;
                for (int j = 0; j < windows && id < n; j++) {
                    w.add(++id).add(key).time(nowMinute - offset - j * minute).add(1 + random.nextInt(
                            1 + 100 / (1 + k % 10)));
                    w.endRow();
                }
            }
            return w.rows();
        }
    }

    private long auditLogs() throws SQLException {
        int n = scale.auditLogs();
        // steep: sign-ins and edits dominate an audit trail, security and moderation events are rare (< 1%)
        double[] actions = zipfWeights(AUDIT_ACTIONS.length, 2.0);
        try (CopyWriter w = new CopyWriter(connection, "audit_logs",
                "id, actor_id, action, target_type, target_id, ip, created_at")) {
            for (int id = 1; id <= n; id++) {
                long actor = random.nextInt(100) < 5 ? -1 : readers.next(random);
                String action = actor < 0 ? "system.purge" : AUDIT_ACTIONS[weighted(actions)];
                w.add(id).add(actor < 0 ? null : actor).add(action);
                if (action.startsWith("story.") || action.startsWith("moderation.") || action.equals("flag.create")) {
                    w.add("story").add(stories.next(random));
                } else if (action.startsWith("profile.") || action.startsWith("block.")) {
                    w.add("profile").add(authors.next(random));
                } else {
                    w.nul().nul();
                }
                int ipRoll = random.nextInt(10);
                w.add(ipRoll == 0 || actor < 0 ? null : ipRoll < 9 ? userIp(actor) : randomIp());
                w.time(appendTime(id, n, 365 * DAY));
                w.endRow();
            }
            return w.rows();
        }
    }

    private long notifications() throws SQLException {
        int n = scale.notifications();
        String[] types = {"story_liked", "story_commented", "new_follower", "mention", "story_published",
            "moderation", "system"};
        double[] weights = cumulative(50, 20, 12, 8, 5, 2, 3);
        // at most one unread notification per (recipient, type, subject): the coalescing unique index
        Set<Long> unreadKeys = new HashSet<>();
        long subjectSpace = Math.max(scale.stories(), scale.users()) + 1L;
        try (CopyWriter w = new CopyWriter(connection, "notifications",
                "id, recipient_id, type, subject_type, subject_id, payload, created_at, read_at")) {
            for (int id = 1; id <= n; id++) {
                long created = appendTime(id, n, 180 * DAY);
                int typeIndex = weighted(weights);
                String type = types[typeIndex];
                long actor = readers.next(random);
                long recipient = authors.next(random);
                w.add(id).add(recipient).add(type);
                long subject;
                int kind;
                switch (type) {
                    case "new_follower" -> {
                        subject = actor;
                        kind = 1;
                        w.add("profile").add(subject);
                    }
                    case "system" -> {
                        subject = -1;
                        kind = 0;
                        w.nul().nul();
                    }
                    default -> {
                        subject = stories.next(random);
                        kind = 0;
                        w.add("story").add(subject);
                    }
                }
                w.add("{\"actor\": " + actor + ", \"count\": " + (1 + random.nextInt(5)) + "}");
                w.time(created);
                long age = nowUs - created;
                boolean read = age > 7 * DAY ? random.nextInt(100) < 97 : random.nextBoolean();
                if (!read && subject >= 0
                        && !unreadKeys.add(((recipient * 8 + typeIndex) * 2 + kind) * subjectSpace + subject)) {
                    read = true; // the app would have coalesced it into the unread one
                }
                w.timeOrNull(read ? created + (long) (Math.min(age, 3 * DAY) * random.nextDouble()) : -1);
                w.endRow();
            }
            return w.rows();
        }
    }

    private long privacy() throws SQLException {
        try (CopyWriter w = new CopyWriter(connection, "privacy_settings",
                "user_id, show_nsfw, profile_visibility, allow_messages, updated_at")) {
            for (int id = 1; id <= scale.users(); id++) {
                int v = random.nextInt(100);
                w.add(id).add(random.nextInt(10) == 0).add(v < 85 ? "public" : v < 95 ? "followers" : "private")
                        .add(random.nextInt(10) != 0)
                        .time(userCreated[id] + (long) ((nowUs - userCreated[id]) * random.nextDouble()));
                w.endRow();
            }
            return w.rows();
        }
    }

    private long blocks() throws SQLException {
        long id = 0;
        // half the users block nobody; the others a few accounts, so the overall mean is blocksPerUser
        double meanForBlockers = 2 * scale.blocksPerUser();
        try (CopyWriter w = new CopyWriter(connection, "blocked_users", "id, blocker_id, blocked_id, created_at")) {
            for (int blocker = 1; blocker <= scale.users(); blocker++) {
                if (random.nextBoolean()) {
                    continue;
                }
                int k = 1 + (int) (-Math.log(1 - random.nextDouble()) * (meanForBlockers - 1));
                Set<Long> done = new HashSet<>();
                for (int j = 0; j < k; j++) {
                    long blocked = authors.next(random);
                    if (blocked == blocker || !done.add(blocked)) {
                        continue;
                    }
                    w.add(++id).add(blocker).add(blocked)
                            .time(Math.max(userCreated[blocker], nowUs - (long) (365 * DAY * random.nextDouble())));
                    w.endRow();
                }
            }
            return w.rows();
        }
    }

    private long loginAttempts() throws SQLException {
        int n = scale.loginAttempts();
        String[] guessed = {"admin", "root", "test", "administrator", "user", "guest", "support", "info"};
        Zipf attackers = new Zipf(200, 1.0, 0, random.split());
        String[] attackerIps = new String[200];
        for (int i = 0; i < attackerIps.length; i++) {
            attackerIps[i] = randomIp();
        }
        try (CopyWriter w = new CopyWriter(connection, "login_attempts", "id, username, ip, success, created_at")) {
            for (int id = 1; id <= n; id++) {
                long at = appendTime(id, n, 30 * DAY);
                if (random.nextInt(100) < 5) {
                    String name = random.nextBoolean() ? guessed[random.nextInt(guessed.length)]
                            : usernames[1 + random.nextInt(scale.users())];
                    w.add(id).add(name).add(attackerIps[(int) attackers.next(random)]).add(false).time(at);
                } else {
                    long user = readers.next(random);
                    w.add(id).add(usernames[(int) user]).add(random.nextInt(100) < 85 ? userIp(user) : randomIp())
                            .add(random.nextInt(100) >= 2).time(at);
                }
                w.endRow();
            }
            return w.rows();
        }
    }

    private long sessions() throws SQLException {
        int n = scale.sessions();
        try (CopyWriter w = new CopyWriter(connection, "sessions",
                "id, user_id, token_hash, user_agent, created_at, expires_at, revoked_at")) {
            for (int id = 1; id <= n; id++) {
                long created = appendTime(id, n, 60 * DAY);
                long expires = created + 30 * DAY;
                w.add(id).add(readers.next(random)).addBytes(randomBytes(32)).add(AGENTS[random.nextInt(AGENTS.length)])
                        .time(created).time(expires);
                if (random.nextInt(100) < 30) {
                    w.time(created + (long) ((Math.min(expires, nowUs) - created) * random.nextDouble()));
                } else {
                    w.nul();
                }
                w.endRow();
            }
            return w.rows();
        }
    }

    private long twoFactor() throws SQLException {
        try (CopyWriter w = new CopyWriter(connection, "two_factor_auth",
                "user_id, secret, enabled, backup_code_hashes, created_at, last_used_at")) {
            for (int id = 1; id <= scale.users(); id++) {
                if (random.nextInt(20) != 0) {
                    continue;
                }
                StringBuilder codes = new StringBuilder();
                for (int c = 0; c < 8; c++) {
                    codes.append(c == 0 ? "" : " ").append(hex64());
                }
                long created = userCreated[id] + (long) ((nowUs - userCreated[id]) * random.nextDouble());
                w.add(id).addBytes(randomBytes(32)).add(random.nextInt(10) != 0).add(codes.toString()).time(created)
                        .timeOrNull(random.nextInt(10) < 7
                                ? created + (long) ((nowUs - created) * random.nextDouble()) : -1);
                w.endRow();
            }
            return w.rows();
        }
    }

    /**
     * {@code DataGenerator --rows N [--seed S] [--migrate]} on the database given by DB_URL, DB_USER,
     * DB_PASSWORD (or {@code --url/--user/--password}). With {@code --migrate} it runs the release path around the
     * load: Liquibase schema changesets, the data, the index changesets, VACUUM ANALYZE. {@code --if-empty} does
     * nothing when the database already holds users; {@code --analyze} runs VACUUM ANALYZE after the load.
     */
    public static void main(String[] args) throws SQLException {
        String url = com.muejam.tools.Databases.env("DB_URL", null);
        String user = com.muejam.tools.Databases.env("DB_USER", "muejam");
        String password = com.muejam.tools.Databases.env("DB_PASSWORD", "");
        int rowCount = 100_000;
        long seedValue = 42;
        boolean migrate = false;
        boolean ifEmpty = false;
        boolean analyze = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rowCount = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seedValue = Long.parseLong(args[++i]);
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--migrate" -> migrate = true;
                case "--if-empty" -> ifEmpty = true;
                case "--analyze" -> analyze = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("give --url or DB_URL");
        }
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            if (ifEmpty) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT EXISTS (SELECT 1 FROM user_profiles)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        System.out.println("the database already holds users: nothing generated");
                        return;
                    }
                }
            }
            long t0 = System.nanoTime();
            if (migrate) {
                com.muejam.liquibase.Migrations.update(c, com.muejam.liquibase.Migrations.SCHEMA);
            }
            Result result = generate(c, Scale.rows(rowCount), seedValue, OffsetDateTime.now());
            long t1 = System.nanoTime();
            System.out.print(result);
            System.out.printf("data: %d rows in %.1f s%n", result.totalRows(), (t1 - t0) / 1e9);
            if (migrate) {
                com.muejam.liquibase.Migrations.update(c, com.muejam.liquibase.Migrations.INDEX);
                long t2 = System.nanoTime();
                com.muejam.tools.Databases.vacuumAnalyze(c);
                System.out.printf("indexes: %.1f s, vacuum analyze: %.1f s%n", (t2 - t1) / 1e9,
                        (System.nanoTime() - t2) / 1e9);
            } else if (analyze) {
                long t2 = System.nanoTime();
                com.muejam.tools.Databases.vacuumAnalyze(c);
                System.out.printf("vacuum analyze: %.1f s%n", (System.nanoTime() - t2) / 1e9);
            }
        }
    }

    /** The current time as the generator's "now" (UTC, microseconds). */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
