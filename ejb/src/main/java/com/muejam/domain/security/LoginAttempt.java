package com.muejam.domain.security;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One sign-in attempt. Appended by {@link LoginAttemptRepository#record} (a native insert: {@code ip} is an
 * {@code inet} column, read-only here) and never changed: no public constructor, no setters.
 */
@Entity
@Table(name = "login_attempts")
public class LoginAttempt {

    @Id
    private Long id;

    /** As typed, lower-cased; need not exist. */
    @Column(length = 254)
    private String username;

    @Column(insertable = false, updatable = false)
    private String ip;

    @Column(nullable = false)
    private boolean success;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected LoginAttempt() {
        // for JPA
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getIp() { return ip; }
    public boolean isSuccess() { return success; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
