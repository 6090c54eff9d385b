package com.muejam.domain.story;

/**
 * Who is browsing: discovery hides NSFW stories unless {@code showNsfw} (the viewer's privacy setting) and hides
 * authors in a block relation with the viewer, either direction (the viewer blocked them or they blocked the
 * viewer). Anonymous readers are user 0, who blocks nobody and whom nobody blocks.
 */
public record Viewer(long userId, boolean showNsfw) {

    public static Viewer anonymous() {
        return new Viewer(0, false);
    }
}
