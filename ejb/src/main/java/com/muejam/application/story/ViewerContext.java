package com.muejam.application.story;

import java.io.Serializable;

import com.muejam.domain.story.Viewer;

/**
 * What story reads need to know about the reader: the NSFW opt-in and whether the reader is in any block relation
 * (blocked someone or was blocked). Cached per user under {@code privacy:{id}} and {@code blocks:{id}}.
 */
public record ViewerContext(long userId, boolean showNsfw, boolean hasBlocks) implements Serializable {

    public static final ViewerContext ANONYMOUS = new ViewerContext(0, false, false);

    public boolean anonymous() {
        return userId == 0;
    }

    /** The viewer as the discovery queries apply it. */
    public Viewer viewer() {
        return new Viewer(userId, showNsfw);
    }
}
