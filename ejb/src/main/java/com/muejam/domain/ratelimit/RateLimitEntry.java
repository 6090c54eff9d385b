package com.muejam.domain.ratelimit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Hits of one key (e.g. {@code login:ip:203.0.113.9}) in one fixed window. Written only by an atomic upsert. */
@Entity
@Table(name = "rate_limit_entries")
public class RateLimitEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rate_key", nullable = false, length = 200)
    private String key;

    @Column(name = "window_start", nullable = false)
    private OffsetDateTime windowStart;

    @Column(name = "hit_count", nullable = false)
    private int hitCount;

    protected RateLimitEntry() {
        // for JPA
    }

    public Long getId() { return id; }
    public String getKey() { return key; }
    public OffsetDateTime getWindowStart() { return windowStart; }
    public int getHitCount() { return hitCount; }
}
