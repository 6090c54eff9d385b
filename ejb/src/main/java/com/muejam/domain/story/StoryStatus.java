package com.muejam.domain.story;

/** Lifecycle of a story: only published stories are visible to readers other than the author. */
public enum StoryStatus {
    draft, published
}
