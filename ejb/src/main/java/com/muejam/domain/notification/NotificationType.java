package com.muejam.domain.notification;

/** Kinds of notification (stored as the name, CHECK-constrained). */
public enum NotificationType {
    story_liked, story_commented, new_follower, mention, story_published, moderation, system
}
