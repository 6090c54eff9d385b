package com.muejam.domain.story;

/**
 * Who is browsing: discovery hides NSFW stories unless {@code showNsfw} (the viewer's privacy setting) and hides
 * authors the viewer blocked. Anonymous readers are user 0, who blocks nobody.
 */
public record Viewer(long userId, boolean showNsfw) {

    public static Viewer anonymous() {
        return new Viewer(0, false);
    }
}
