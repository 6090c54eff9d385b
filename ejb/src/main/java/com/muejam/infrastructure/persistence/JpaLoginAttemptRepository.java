package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.SecurityQuery.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.TimeCursor;
import com.muejam.domain.security.LoginAttempt;
import com.muejam.domain.security.LoginAttemptRepository;
import com.muejam.infrastructure.routing.EntityManagers;
import com.muejam.infrastructure.routing.Route;

@ApplicationScoped
public class JpaLoginAttemptRepository implements LoginAttemptRepository {

    /** Native: the address is cast to inet in SQL. */
    static final String INSERT = """
            INSERT INTO login_attempts (username, ip, success, created_at)
            VALUES (?, CAST(CAST(? AS varchar) AS inet), ?, ?)""";

    @Inject
    EntityManagers entityManagers;

    @Override
    public void record(String username, String ip, boolean success, OffsetDateTime at) {
        var query = entityManagers.forWrite().createNativeQuery(INSERT);
        query.setParameter(1, normalize(username));
        query.setParameter(2, ip);
        query.setParameter(3, success);
        query.setParameter(4, at);
        query.executeUpdate();
    }

    @Override
    public long failuresForUsernameSince(String username, OffsetDateTime since) {
        return NativeQueries.number(entityManagers.forRead(), LOGIN_FAILURES_FOR_USERNAME,
                Map.of("username", normalize(username), "since", since));
    }

    @Override
    public long failuresForIpSince(String ip, OffsetDateTime since) {
        return NativeQueries.number(entityManagers.forRead(), LOGIN_FAILURES_FOR_IP,
                Map.of("ip", ip, "since", since));
    }

    @Override
    public List<OffsetDateTime> recentFailureTimesForUsername(String username, OffsetDateTime since, int limit) {
        return times(LOGIN_FAILURE_TIMES_FOR_USERNAME, Map.of("username", normalize(username), "since", since,
                "limit", limit));
    }

    @Override
    public List<OffsetDateTime> recentFailureTimesForIp(String ip, OffsetDateTime since, int limit) {
        return times(LOGIN_FAILURE_TIMES_FOR_IP, Map.of("ip", ip, "since", since, "limit", limit));
    }

    /** Always the primary: a throttle decided on a lagging replica would miss the latest failures. */
    private List<OffsetDateTime> times(HotQuery q, Map<String, ?> values) {
        return NativeQueries.scalars(entityManagers.using(Route.PRIMARY), q, values).stream()
                .map(JpaLoginAttemptRepository::toOffsetDateTime).toList();
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }

    @Override
    public List<LoginAttempt> historyForUsername(String username, TimeCursor before, int limit) {
        return list(LOGIN_HISTORY_FOR_USERNAME, Map.of("username", normalize(username), "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<LoginAttempt> attemptsForIp(String ip, TimeCursor before, int limit) {
        return list(LOGIN_ATTEMPTS_FOR_IP, Map.of("ip", ip, "beforeAt", before.at(), "beforeId", before.id(),
                "limit", limit));
    }

    @Override
    public List<LoginAttempt> recentFailures(TimeCursor before, int limit) {
        return list(RECENT_FAILED_LOGINS, Map.of("beforeAt", before.at(), "beforeId", before.id(),
                "limit", limit));
    }

    @Override
    public int purgeBefore(OffsetDateTime before, int batch) {
        return NativeQueries.execute(entityManagers.forWrite(), LOGIN_ATTEMPTS_PURGE,
                Map.of("before", before, "batch", batch));
    }

    /** Attempts are keyed by the lower-cased name, trimmed to the column's size (typed input is untrusted). */
    static String normalize(String username) {
        String u = username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 254 ? u.substring(0, 254) : u;
    }

    private List<LoginAttempt> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, LoginAttempt.class, values);
    }
}
