package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.notification.Notification;
import com.muejam.domain.notification.NotificationType;
import com.muejam.domain.profile.UserProfile;

class JpaNotificationRepositoryTest extends JpaTestSupport {

    JpaNotificationRepository repo() {
        JpaNotificationRepository r = new JpaNotificationRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    @Test
    void unreadNewestFirstCountsAndMarking() {
        UserProfile u = user("reader");
        Notification liked = repo().add(u.getId(), NotificationType.story_liked, TargetType.story, 501L,
                "{\"by\": 3}", now.minusMinutes(3));
        Notification mention = repo().add(u.getId(), NotificationType.mention, TargetType.story, 502L,
                "{\"by\": 4}", now.minusMinutes(2));
        Notification system = repo().add(u.getId(), NotificationType.system, null, null, "{}", now.minusMinutes(1));
        assertThat(liked.getId()).isNotNull();
        assertThat(liked.getPayload()).isEqualTo("{\"by\": 3}");
        assertThat(system.getSubjectType()).isNull();
        clear();

        assertThat(repo().unreadCount(u.getId())).isEqualTo(3);
        List<Notification> unread = repo().unread(u.getId(), TimeCursor.newestFirst(), 2);
        assertThat(unread).extracting(Notification::getId).containsExactly(system.getId(), mention.getId());
        Notification last = unread.get(1);
        assertThat(repo().unread(u.getId(), new TimeCursor(last.getCreatedAt(), last.getId()), 2))
                .extracting(Notification::getId).containsExactly(liked.getId());

        assertThat(repo().markRead(mention.getId(), u.getId(), now)).isTrue();
        assertThat(repo().markRead(mention.getId(), u.getId(), now)).isFalse();
        assertThat(repo().markRead(liked.getId(), u.getId() + 1, now)).isFalse(); // not the recipient's
        assertThat(repo().unreadCount(u.getId())).isEqualTo(2);
        assertThat(repo().markAllRead(u.getId(), now)).isEqualTo(2);
        assertThat(repo().unreadCount(u.getId())).isZero();
        clear();

        assertThat(repo().inbox(u.getId(), TimeCursor.newestFirst(), 10)).extracting(Notification::getId)
                .containsExactly(system.getId(), mention.getId(), liked.getId());
        assertThat(repo().inbox(u.getId(), NotificationType.mention, TimeCursor.newestFirst(), 10))
                .extracting(Notification::getId).containsExactly(mention.getId());
        assertThat(repo().inbox(u.getId(), TimeCursor.newestFirst(), 10)).allMatch(Notification::isRead);
    }

    @Test
    void aNewNotificationAboutTheSameSubjectCoalescesIntoTheUnreadOne() {
        UserProfile u = user("author");
        Notification first = repo().add(u.getId(), NotificationType.story_liked, TargetType.story, 701L,
                "{\"actor\": 5}", now.minusMinutes(10));
        Notification second = repo().add(u.getId(), NotificationType.story_liked, TargetType.story, 701L,
                "{\"actor\": 6}", now.minusMinutes(1));
        Notification otherStory = repo().add(u.getId(), NotificationType.story_liked, TargetType.story, 702L,
                "{\"actor\": 6}", now.minusMinutes(1));
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(otherStory.getId()).isNotEqualTo(first.getId());
        clear();
        Notification merged = repo().unread(u.getId(), TimeCursor.newestFirst(), 10).stream()
                .filter(n -> n.getId().equals(first.getId())).findFirst().orElseThrow();
        assertThat(merged.getPayload()).contains("\"actor\": 6").contains("\"count\": 2");
        assertThat(merged.getCreatedAt()).isEqualTo(now.minusMinutes(1));
        assertThat(repo().unreadCount(u.getId())).isEqualTo(2);

        // once read, the next like is a new notification; notifications without a subject never coalesce
        repo().markAllRead(u.getId(), now);
        assertThat(repo().add(u.getId(), NotificationType.story_liked, TargetType.story, 701L, "{}", now).getId())
                .isNotEqualTo(first.getId());
        Notification s1 = repo().add(u.getId(), NotificationType.system, null, null, "{}", now);
        Notification s2 = repo().add(u.getId(), NotificationType.system, null, null, "{}", now);
        assertThat(s2.getId()).isNotEqualTo(s1.getId());
    }

    @Test
    void notificationsOfADeletedSubjectAndOldReadOnesAreRemoved() {
        UserProfile u = user("reader");
        repo().add(u.getId(), NotificationType.story_liked, TargetType.story, 601L, "{}", now.minusDays(100));
        repo().add(u.getId(), NotificationType.story_commented, TargetType.story, 601L, "{}", now.minusDays(99));
        Notification keep = repo().add(u.getId(), NotificationType.mention, TargetType.story, 602L, "{}", now);
        assertThat(repo().deleteForSubject(TargetType.story, 601L)).isEqualTo(2);

        repo().add(u.getId(), NotificationType.system, null, null, "{}", now.minusDays(100));
        repo().markAllRead(u.getId(), now.minusDays(95));
        Notification fresh = repo().add(u.getId(), NotificationType.system, null, null, "{}", now);
        repo().markRead(fresh.getId(), u.getId(), now);
        assertThat(repo().purgeReadBefore(now.minusDays(90), 1000)).isGreaterThanOrEqualTo(2);
        clear();
        assertThat(repo().inbox(u.getId(), TimeCursor.newestFirst(), 10)).extracting(Notification::getId)
                .containsExactly(fresh.getId());
        assertThat(keep.getId()).isNotNull();
    }
}
