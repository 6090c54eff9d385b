package com.muejam.domain.notification;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.muejam.domain.TargetType;

/**
 * A notification for one recipient. Created by {@link NotificationRepository#add} (a native insert: the payload
 * is a {@code jsonb} column, read-only here) and changed only by the repository's read-marking updates: no public
 * constructor, no setters.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    private Long id;

    @Column(name = "recipient_id")
    private long recipientId;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private NotificationType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", length = 16)
    private TargetType subjectType;

    @Column(name = "subject_id")
    private Long subjectId;

    /** JSON text. */
    @Column(insertable = false, updatable = false)
    private String payload;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
        // for JPA
    }

    public Long getId() { return id; }
    public long getRecipientId() { return recipientId; }
    public NotificationType getType() { return type; }
    public TargetType getSubjectType() { return subjectType; }
    public Long getSubjectId() { return subjectId; }
    public String getPayload() { return payload; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getReadAt() { return readAt; }
    public boolean isRead() { return readAt != null; }
}
