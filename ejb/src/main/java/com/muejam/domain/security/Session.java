package com.muejam.domain.security;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in session. Only the SHA-256 of its token is stored. */
@Entity
@Table(name = "sessions")
public class Session {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(name = "user_agent", length = 300)
    private String userAgent;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected Session() {
        // for JPA
    }

    public Session(long userId, byte[] tokenHash, String userAgent, OffsetDateTime now, OffsetDateTime expiresAt) {
        if (tokenHash.length != 32) {
            throw new IllegalArgumentException("token hash must be a SHA-256 (32 bytes)");
        }
        this.userId = userId;
        this.tokenHash = tokenHash.clone();
        this.userAgent = userAgent;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isActive(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public Long getId() { return id; }
    public long getUserId() { return userId; }
    public byte[] getTokenHash() { return tokenHash.clone(); }
    public String getUserAgent() { return userAgent; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
    public OffsetDateTime getRevokedAt() { return revokedAt; }
}
