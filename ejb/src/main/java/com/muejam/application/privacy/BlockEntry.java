package com.muejam.application.privacy;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One user on a block list: the block's id (the page cursor), the blocked user and when. Cached in pages. */
public record BlockEntry(long id, long userId, String username, OffsetDateTime blockedAt) implements Serializable {

    private static final long serialVersionUID = 1L;
}
