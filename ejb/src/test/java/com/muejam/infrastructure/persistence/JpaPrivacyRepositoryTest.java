package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.muejam.domain.privacy.BlockedUser;
import com.muejam.domain.privacy.PrivacySettings;
import com.muejam.domain.privacy.ProfileVisibility;
import com.muejam.domain.profile.UserProfile;

class JpaPrivacyRepositoryTest extends JpaTestSupport {

    JpaPrivacySettingsRepository settings() {
        JpaPrivacySettingsRepository r = new JpaPrivacySettingsRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    JpaBlockRepository blocks() {
        JpaBlockRepository r = new JpaBlockRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    @Test
    void settingsAreStoredPerUser() {
        UserProfile u = user("private");
        assertThat(settings().findByUser(u.getId())).isEmpty();
        PrivacySettings s = new PrivacySettings(u.getId(), now);
        s.change(true, ProfileVisibility.PRIVATE, false, now);
        settings().save(s);
        clear();
        PrivacySettings loaded = settings().findByUser(u.getId()).orElseThrow();
        assertThat(loaded.isShowNsfw()).isTrue();
        assertThat(loaded.getProfileVisibility()).isEqualTo(ProfileVisibility.PRIVATE);
        assertThat(loaded.isAllowMessages()).isFalse();
        Object stored = em.createNativeQuery("SELECT profile_visibility FROM privacy_settings WHERE user_id = ?")
                .setParameter(1, u.getId()).getSingleResult();
        assertThat(stored).isEqualTo("private");
    }

    @Test
    void blocksAreIdempotentDirectedAndListed() {
        UserProfile a = user("blocker");
        UserProfile b = user("blocked");
        UserProfile c = user("blocked");
        assertThat(blocks().block(a.getId(), b.getId(), now)).isTrue();
        assertThat(blocks().block(a.getId(), b.getId(), now)).isFalse();
        assertThat(blocks().block(a.getId(), c.getId(), now)).isTrue();
        assertThat(blocks().block(c.getId(), b.getId(), now)).isTrue();
        assertThatThrownBy(() -> blocks().block(a.getId(), a.getId(), now))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(blocks().isBlocked(a.getId(), b.getId())).isTrue();
        assertThat(blocks().isBlocked(b.getId(), a.getId())).isFalse();
        assertThat(blocks().blockList(a.getId(), Long.MAX_VALUE, 10)).extracting(BlockedUser::getBlockedId)
                .containsExactly(c.getId(), b.getId());
        BlockedUser newest = blocks().blockList(a.getId(), Long.MAX_VALUE, 1).get(0);
        assertThat(blocks().blockList(a.getId(), newest.getId(), 10)).extracting(BlockedUser::getBlockedId)
                .containsExactly(b.getId());
        assertThat(blocks().blockersOf(b.getId(), Long.MAX_VALUE, 10)).extracting(BlockedUser::getBlockerId)
                .containsExactly(c.getId(), a.getId());
        assertThat(blocks().blockedByCount(b.getId())).isEqualTo(2);

        assertThat(blocks().unblock(a.getId(), b.getId())).isTrue();
        assertThat(blocks().isBlocked(a.getId(), b.getId())).isFalse();
        assertThat(blocks().blockedByCount(b.getId())).isEqualTo(1);
    }
}
