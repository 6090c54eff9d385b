package com.muejam.application.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.application.NotFoundException;
import com.muejam.application.caching.CacheInvalidation;
import com.muejam.application.caching.CacheTags;
import com.muejam.application.caching.CachedQuery;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.notification.Notification;
import com.muejam.domain.notification.NotificationRepository;
import com.muejam.domain.notification.NotificationType;

/**
 * Notifications of one recipient. The unread count (a badge polled by every open page) is cached under
 * {@code notifications:{recipientId}}; lists are not (they are paged and read right after a change).
 */
@ApplicationScoped
public class NotificationService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The cache region of the unread count (the default region's TTL). */
    public static final String REGION = "notifications";

    @Inject
    NotificationRepository notifications;

    @Inject
    CacheInvalidation invalidation;

    /** Newest first: the unread ones, or with {@code all} read ones too. */
    @ReadOnly
    public List<Notification> list(long recipientId, boolean all, TimeCursor before, int limit) {
        int n = Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
        return all ? notifications.inbox(recipientId, before, n) : notifications.unread(recipientId, before, n);
    }

    @ReadOnly
    @CachedQuery(region = REGION, tags = CacheTags.NOTIFICATIONS + "{0}")
    public Long unreadCount(long recipientId) {
        return notifications.unreadCount(recipientId);
    }

    /**
     * Marks one of the recipient's notifications read. Someone else's notification, or an unknown id, is
     * "not found" (whether it exists is not revealed); one already read stays as it is.
     */
    @Transactional
    public void markRead(long recipientId, long id) {
        if (!notifications.markRead(id, recipientId, now())) {
            notifications.findById(id).filter(n -> n.getRecipientId() == recipientId)
                    .orElseThrow(() -> new NotFoundException("notification", id));
            return; // already read
        }
        changed(recipientId);
    }

    /** Marks every unread notification of the recipient read; returns how many. */
    @Transactional
    public int markAllRead(long recipientId) {
        int marked = notifications.markAllRead(recipientId, now());
        if (marked > 0) {
            changed(recipientId);
        }
        return marked;
    }

    /**
     * Notifies {@code recipientId} inside the caller's transaction (the notification exists exactly when the
     * caller's change does). An unread one of the same type and subject is coalesced (its count grows).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification notify(long recipientId, NotificationType type, TargetType subjectType, Long subjectId,
                               String payloadJson) {
        Notification n = notifications.add(recipientId, type, subjectType, subjectId, payloadJson, now());
        changed(recipientId);
        return n;
    }

    private void changed(long recipientId) {
        invalidation.afterCommit(List.of(CacheTags.notifications(recipientId)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
