package com.muejam.domain.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One audited event. Rows are appended by {@link AuditLogRepository#append} (a native insert: {@code ip} is an
 * {@code inet} column, which a JPA insert of a String cannot write, hence read-only here) and never changed: the
 * class has no public constructor and no setters.
 */
@Entity
@Table(name = "audit_logs")
public class AuditLog {

    @Id
    private Long id;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(length = 64)
    private String action;

    @Column(name = "target_type", length = 32)
    private String targetType;

    @Column(name = "target_id")
    private Long targetId;

    /** Text form of the inet value. */
    @Column(insertable = false, updatable = false)
    private String ip;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected AuditLog() {
        // for JPA
    }

    public Long getId() { return id; }
    public Long getActorId() { return actorId; }
    public String getAction() { return action; }
    public String getTargetType() { return targetType; }
    public Long getTargetId() { return targetId; }
    public String getIp() { return ip; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
