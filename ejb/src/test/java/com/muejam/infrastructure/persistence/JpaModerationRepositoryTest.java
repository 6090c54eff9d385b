package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.domain.TargetType;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.moderation.ActionType;
import com.muejam.domain.moderation.ContentFlag;
import com.muejam.domain.moderation.FlagReason;
import com.muejam.domain.moderation.FlagStatus;
import com.muejam.domain.moderation.ModerationAction;
import com.muejam.domain.profile.UserProfile;

class JpaModerationRepositoryTest extends JpaTestSupport {

    JpaContentFlagRepository flags() {
        JpaContentFlagRepository r = new JpaContentFlagRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    JpaModerationActionRepository actions() {
        JpaModerationActionRepository r = new JpaModerationActionRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    ContentFlag flag(UserProfile reporter, long target, FlagReason reason, int minutesAgo) {
        return flags().add(new ContentFlag(TargetType.story, target, reporter.getId(), reason, "see it",
                now.minusMinutes(minutesAgo)));
    }

    @Test
    void queueIsPendingOldestFirstAndClosingATargetEmptiesItsPart() {
        UserProfile r1 = user("reporter");
        UserProfile r2 = user("reporter");
        UserProfile mod = user("moderator");
        long target = 9_000_001L;
        ContentFlag oldest = flag(r1, target, FlagReason.spam, 500_000);
        ContentFlag second = flag(r2, target, FlagReason.nsfw_unmarked, 499_999);
        ContentFlag other = flag(r1, 9_000_002L, FlagReason.nsfw_unmarked, 499_998);
        clear();

        List<ContentFlag> queue = flags().pendingQueue(TimeCursor.oldestFirst(), 3);
        assertThat(queue).extracting(ContentFlag::getId).containsExactly(oldest.getId(), second.getId(),
                other.getId());
        ContentFlag head = queue.get(0);
        assertThat(flags().pendingQueue(new TimeCursor(head.getCreatedAt(), head.getId()), 2))
                .extracting(ContentFlag::getId).containsExactly(second.getId(), other.getId());
        assertThat(flags().pendingQueue(FlagReason.nsfw_unmarked, TimeCursor.oldestFirst(), 2))
                .extracting(ContentFlag::getId).containsExactly(second.getId(), other.getId());
        assertThat(flags().pendingExists(r1.getId(), TargetType.story, target)).isTrue();

        assertThat(flags().closePendingForTarget(TargetType.story, target, FlagStatus.resolved, mod.getId(), now))
                .isEqualTo(2);
        clear();
        assertThat(flags().pendingQueue(TimeCursor.oldestFirst(), 3)).extracting(ContentFlag::getId)
                .containsExactly(other.getId());
        assertThat(flags().pendingExists(r1.getId(), TargetType.story, target)).isFalse();
        assertThat(flags().forTarget(TargetType.story, target, TimeCursor.newestFirst(), 10))
                .extracting(ContentFlag::getId, ContentFlag::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.getId(), FlagStatus.resolved),
                        org.assertj.core.groups.Tuple.tuple(oldest.getId(), FlagStatus.resolved));
        assertThat(flags().resolvedBy(mod.getId(), TimeCursor.newestFirst(), 10)).hasSize(2);
        assertThat(flags().recentlyResolved(TimeCursor.newestFirst(), 2)).extracting(ContentFlag::getResolvedBy)
                .containsOnly(mod.getId());
        assertThat(flags().byReporter(r1.getId(), TimeCursor.newestFirst(), 10)).extracting(ContentFlag::getId)
                .containsExactly(other.getId(), oldest.getId());
    }

    @Test
    void aReporterHasAtMostOnePendingFlagPerTarget() {
        UserProfile r = user("dup");
        flag(r, 9_100_001L, FlagReason.spam, 1);
        assertThatThrownBy(() -> flag(r, 9_100_001L, FlagReason.hate, 0))
                .hasStackTraceContaining("content_flags_pending_target_key");
    }

    @Test
    void moderationLogQueries() {
        UserProfile r = user("rep");
        UserProfile mod = user("mod");
        ContentFlag f = flag(r, 9_200_001L, FlagReason.harassment, 30);
        ModerationAction warn = actions().add(new ModerationAction(f.getId(), mod.getId(), TargetType.story,
                9_200_001L, ActionType.hide_content, "hidden", now.minusMinutes(20)));
        ModerationAction ban = actions().add(new ModerationAction(null, mod.getId(), TargetType.profile,
                r.getId(), ActionType.ban_user, "proactive", now.minusMinutes(10)));
        clear();

        assertThat(actions().byModerator(mod.getId(), TimeCursor.newestFirst(), 10))
                .extracting(ModerationAction::getId).containsExactly(ban.getId(), warn.getId());
        assertThat(actions().forFlag(f.getId(), TimeCursor.oldestFirst(), 10)).extracting(ModerationAction::getId)
                .containsExactly(warn.getId());
        assertThat(actions().againstTarget(TargetType.profile, r.getId(), TimeCursor.newestFirst(), 10))
                .extracting(ModerationAction::getAction).containsExactly(ActionType.ban_user);
        assertThat(actions().ofType(ActionType.ban_user, now.minusHours(1), TimeCursor.newestFirst(), 10))
                .extracting(ModerationAction::getId).contains(ban.getId()).doesNotContain(warn.getId());
        assertThat(actions().since(now.minusMinutes(15), TimeCursor.newestFirst(), 10))
                .extracting(ModerationAction::getId).contains(ban.getId()).doesNotContain(warn.getId());
    }
}
