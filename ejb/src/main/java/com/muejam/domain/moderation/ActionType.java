package com.muejam.domain.moderation;

/** What a moderator did. */
public enum ActionType {
    dismiss, hide_content, remove_content, restore_content, warn_user, suspend_user, ban_user
}
