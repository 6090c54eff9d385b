package com.muejam.domain.moderation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.muejam.domain.TargetType;

/** A reader's report about a story or a profile. Users are referenced by id. */
@Entity
@Table(name = "content_flags")
public class ContentFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false, length = 16)
    private TargetType targetType;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "reporter_id", nullable = false)
    private long reporterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private FlagReason reason;

    private String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FlagStatus status = FlagStatus.pending;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    private Long resolvedBy;

    protected ContentFlag() {
        // for JPA
    }

    public ContentFlag(TargetType targetType, long targetId, long reporterId, FlagReason reason, String details,
                       OffsetDateTime now) {
        this.targetType = targetType;
        this.targetId = targetId;
        this.reporterId = reporterId;
        this.reason = reason;
        this.details = details;
        this.createdAt = now;
    }

    /** Closes the flag as {@code resolved} or {@code dismissed}. */
    public void close(FlagStatus outcome, long moderatorId, OffsetDateTime now) {
        if (outcome == FlagStatus.pending) {
            throw new IllegalArgumentException("a flag is closed as resolved or dismissed");
        }
        this.status = outcome;
        this.resolvedBy = moderatorId;
        this.resolvedAt = now;
    }

    public Long getId() { return id; }
    public TargetType getTargetType() { return targetType; }
    public long getTargetId() { return targetId; }
    public long getReporterId() { return reporterId; }
    public FlagReason getReason() { return reason; }
    public String getDetails() { return details; }
    public FlagStatus getStatus() { return status; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getResolvedAt() { return resolvedAt; }
    public Long getResolvedBy() { return resolvedBy; }
}
