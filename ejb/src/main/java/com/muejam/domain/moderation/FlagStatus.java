package com.muejam.domain.moderation;

/** A flag waits in the queue until a moderator resolves (acts on) or dismisses it. */
public enum FlagStatus {
    pending, resolved, dismissed
}
