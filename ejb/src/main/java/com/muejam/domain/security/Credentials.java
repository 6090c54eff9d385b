package com.muejam.domain.security;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's sign-in secret and role. The password is held only as a salted, self-describing PBKDF2 hash. */
@Entity
@Table(name = "user_credentials")
public class Credentials {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Credentials() {
        // for JPA
    }

    public Credentials(long userId, String passwordHash, Role role, OffsetDateTime now) {
        this.userId = userId;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changePassword(String passwordHash, OffsetDateTime now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    public Long getUserId() { return userId; }
    public String getPasswordHash() { return passwordHash; }
    public Role getRole() { return role; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
