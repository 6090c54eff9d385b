package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.NotificationQuery.*;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.notification.Notification;
import com.muejam.domain.notification.NotificationRepository;
import com.muejam.domain.notification.NotificationType;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public Notification add(long recipientId, NotificationType type, TargetType subjectType, Long subjectId,
                            String payloadJson, OffsetDateTime now) {
        if ((subjectType == null) != (subjectId == null)) {
            throw new IllegalArgumentException("subject type and id go together");
        }
        Map<String, Object> values = new HashMap<>(); // the subject may be null
        values.put("recipientId", recipientId);
        values.put("type", type);
        values.put("subjectType", subjectType == null ? null : subjectType.name());
        values.put("subjectId", subjectId);
        values.put("payload", payloadJson);
        values.put("now", now);
        return NativeQueries.list(entityManagers.forWrite(), NOTIFICATIONS_ADD, Notification.class, values).get(0);
    }

    @Override
    public Optional<Notification> findById(long id) {
        return java.util.Optional.ofNullable(entityManagers.forRead().find(Notification.class, id));
    }

    @Override
    public List<Notification> unread(long recipientId, TimeCursor before, int limit) {
        return list(NOTIFICATIONS_UNREAD, Map.of("recipientId", recipientId, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public long unreadCount(long recipientId) {
        return NativeQueries.number(entityManagers.forRead(), NOTIFICATIONS_UNREAD_COUNT,
                Map.of("recipientId", recipientId));
    }

    @Override
    public int markAllRead(long recipientId, OffsetDateTime now) {
        return NativeQueries.execute(entityManagers.forWrite(), NOTIFICATIONS_MARK_ALL_READ,
                Map.of("now", now, "recipientId", recipientId));
    }

    @Override
    public boolean markRead(long id, long recipientId, OffsetDateTime now) {
        return NativeQueries.execute(entityManagers.forWrite(), NOTIFICATIONS_MARK_READ,
                Map.of("now", now, "id", id, "recipientId", recipientId)) == 1;
    }

    @Override
    public List<Notification> inbox(long recipientId, TimeCursor before, int limit) {
        return list(NOTIFICATIONS_INBOX, Map.of("recipientId", recipientId, "beforeAt", before.at(),
                "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Notification> inbox(long recipientId, NotificationType type, TimeCursor before, int limit) {
        return list(NOTIFICATIONS_INBOX_BY_TYPE, Map.of("recipientId", recipientId, "type", type,
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public int deleteForSubject(TargetType subjectType, long subjectId) {
        return NativeQueries.execute(entityManagers.forWrite(), NOTIFICATIONS_DELETE_FOR_SUBJECT,
                Map.of("subjectType", subjectType, "subjectId", subjectId));
    }

    @Override
    public int purgeReadBefore(OffsetDateTime before, int batch) {
        return NativeQueries.execute(entityManagers.forWrite(), NOTIFICATIONS_PURGE_READ,
                Map.of("before", before, "batch", batch));
    }

    private List<Notification> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, Notification.class, values);
    }
}
