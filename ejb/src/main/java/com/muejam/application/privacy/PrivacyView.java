package com.muejam.application.privacy;

import java.io.Serializable;
import java.time.OffsetDateTime;

import com.muejam.domain.privacy.PrivacySettings;
import com.muejam.domain.privacy.ProfileVisibility;

/**
 * A user's privacy settings as read (cached, hence a small serializable value rather than the entity).
 * {@code updatedAt} is null while the user has never changed the defaults (no row).
 */
public record PrivacyView(long userId, boolean showNsfw, ProfileVisibility profileVisibility, boolean allowMessages,
                          OffsetDateTime updatedAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The defaults of a user without a row: no NSFW, public profile, messages allowed. */
    public static PrivacyView defaults(long userId) {
        return new PrivacyView(userId, false, ProfileVisibility.PUBLIC, true, null);
    }

    static PrivacyView of(PrivacySettings s) {
        return new PrivacyView(s.getUserId(), s.isShowNsfw(), s.getProfileVisibility(), s.isAllowMessages(),
                s.getUpdatedAt());
    }
}
