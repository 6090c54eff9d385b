package com.muejam.domain.privacy;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's privacy choices; one row per user, keyed by the user's id. */
@Entity
@Table(name = "privacy_settings")
public class PrivacySettings {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "show_nsfw", nullable = false)
    private boolean showNsfw;

    @Convert(converter = ProfileVisibility.DbConverter.class)
    @Column(name = "profile_visibility", nullable = false, length = 16)
    private ProfileVisibility profileVisibility = ProfileVisibility.PUBLIC;

    @Column(name = "allow_messages", nullable = false)
    private boolean allowMessages = true;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PrivacySettings() {
        // for JPA
    }

    /** The defaults: no NSFW, public profile, messages allowed. */
    public PrivacySettings(long userId, OffsetDateTime now) {
        this.userId = userId;
        this.updatedAt = now;
    }

    public void change(boolean showNsfw, ProfileVisibility visibility, boolean allowMessages, OffsetDateTime now) {
        this.showNsfw = showNsfw;
        this.profileVisibility = visibility;
        this.allowMessages = allowMessages;
        this.updatedAt = now;
    }

    public Long getUserId() { return userId; }
    public boolean isShowNsfw() { return showNsfw; }
    public ProfileVisibility getProfileVisibility() { return profileVisibility; }
    public boolean isAllowMessages() { return allowMessages; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
