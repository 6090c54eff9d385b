package com.muejam.domain.privacy;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code blockerId} blocked {@code blockedId}: the blocked user's stories leave the blocker's discovery. */
@Entity
@Table(name = "blocked_users")
public class BlockedUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "blocker_id", nullable = false)
    private long blockerId;

    @Column(name = "blocked_id", nullable = false)
    private long blockedId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected BlockedUser() {
        // for JPA
    }

    public BlockedUser(long blockerId, long blockedId, OffsetDateTime now) {
        if (blockerId == blockedId) {
            throw new IllegalArgumentException("a user cannot block themselves");
        }
        this.blockerId = blockerId;
        this.blockedId = blockedId;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getBlockerId() { return blockerId; }
    public long getBlockedId() { return blockedId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
