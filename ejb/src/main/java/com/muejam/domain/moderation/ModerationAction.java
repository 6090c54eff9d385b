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

/** A moderator's action, on a flag or proactive (no flag). Append-only. */
@Entity
@Table(name = "moderation_actions")
public class ModerationAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "flag_id")
    private Long flagId;

    @Column(name = "moderator_id", nullable = false)
    private long moderatorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false, length = 16)
    private TargetType targetType;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ActionType action;

    private String note;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected ModerationAction() {
        // for JPA
    }

    public ModerationAction(Long flagId, long moderatorId, TargetType targetType, long targetId, ActionType action,
                            String note, OffsetDateTime now) {
        this.flagId = flagId;
        this.moderatorId = moderatorId;
        this.targetType = targetType;
        this.targetId = targetId;
        this.action = action;
        this.note = note;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public Long getFlagId() { return flagId; }
    public long getModeratorId() { return moderatorId; }
    public TargetType getTargetType() { return targetType; }
    public long getTargetId() { return targetId; }
    public ActionType getAction() { return action; }
    public String getNote() { return note; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
