package com.muejam.application.story;

import com.muejam.application.ConflictException;

/**
 * An edit named a version the story no longer has (someone saved in between). A 409 by default; the REST layer
 * answers 412 instead when the version came from {@code If-Match}.
 */
public class StaleStoryException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public StaleStoryException(long id, long expected, long currentVersion) {
        super("story " + id + " is at version " + currentVersion + ", not " + expected);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
