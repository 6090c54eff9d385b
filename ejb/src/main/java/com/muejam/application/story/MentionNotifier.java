package com.muejam.application.story;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import com.muejam.application.caching.CacheInvalidation;
import com.muejam.application.caching.CacheTags;
import com.muejam.domain.TargetType;
import com.muejam.domain.notification.NotificationRepository;
import com.muejam.domain.notification.NotificationType;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.story.Story;

/**
 * When a story is published, the users it mentions as {@code @username} (title or body, at most
 * {@link Mentions#MAX}) get a {@code mention} notification about it: not the author, not unknown names, not users
 * in a block relation with the author (either direction). Runs inside the publishing transaction, so the
 * notifications exist exactly when the publication does; their recipients' {@code notifications:{id}} cache tags
 * are invalidated after that commit (the insert is native SQL, so no entity listener would).
 */
@ApplicationScoped
public class MentionNotifier {

    @Inject
    UserProfileRepository profiles;

    @Inject
    NotificationRepository notifications;

    @Inject
    Viewers viewers;

    @Inject
    CacheInvalidation invalidation;

    /** Notifies the story's mentioned users; returns their ids. */
    public List<Long> notifyMentioned(Story story, String authorUsername, OffsetDateTime now) {
        List<Long> notified = new ArrayList<>();
        for (String name : Mentions.in(story.getTitle(), story.getBody())) {
            // the case-insensitive username index: the exact name, if it exists, is the first of its prefix
            UserProfile user = profiles.searchByUsernamePrefix(name, "", 1).stream()
                    .filter(p -> p.getUsername().toLowerCase(Locale.ROOT).equals(name))
                    .findFirst().orElse(null);
            if (user == null || user.getId() == story.getAuthorId() || notified.contains(user.getId())
                    || viewers.related(story.getAuthorId(), user.getId())) {
                continue;
            }
            notifications.add(user.getId(), NotificationType.mention, TargetType.story, story.getId(),
                    payload(story, authorUsername), now);
            notified.add(user.getId());
        }
        invalidation.afterCommit(notified.stream().map(CacheTags::notifications).toList());
        return notified;
    }

    private static String payload(Story story, String authorUsername) {
        var json = Json.createObjectBuilder()
                .add("storyId", story.getId())
                .add("authorId", story.getAuthorId())
                .add("title", story.getTitle());
        if (authorUsername != null) {
            json.add("authorUsername", authorUsername);
        }
        return json.build().toString();
    }
}
