package com.muejam.domain.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;

/** Notifications. Lists are newest first, keyset-paged. */
public interface NotificationRepository {

    /**
     * Adds an unread notification; {@code subjectType}/{@code subjectId} both null or both set;
     * {@code payloadJson} a JSON object. If the recipient already has an unread notification of this type about
     * this subject, that one is updated instead: payload replaced, {@code count} incremented (1 when absent), moved
     * to now. Returns the stored notification.
     */
    Notification add(long recipientId, NotificationType type, TargetType subjectType, Long subjectId,
                     String payloadJson, OffsetDateTime now);

    /** One notification by id, whoever it belongs to (callers check the recipient). */
    Optional<Notification> findById(long id);

    List<Notification> unread(long recipientId, TimeCursor before, int limit);

    long unreadCount(long recipientId);

    /** Marks every unread notification of the recipient read; returns how many. */
    int markAllRead(long recipientId, OffsetDateTime now);

    /** Marks one notification read if it is the recipient's and unread. */
    boolean markRead(long id, long recipientId, OffsetDateTime now);

    /** Read and unread. */
    List<Notification> inbox(long recipientId, TimeCursor before, int limit);

    List<Notification> inbox(long recipientId, NotificationType type, TimeCursor before, int limit);

    /** Removes the notifications about a deleted story or profile; returns how many. */
    int deleteForSubject(TargetType subjectType, long subjectId);

    /** Retention: deletes up to {@code batch} notifications read before {@code before}; returns how many. */
    int purgeReadBefore(OffsetDateTime before, int batch);
}
