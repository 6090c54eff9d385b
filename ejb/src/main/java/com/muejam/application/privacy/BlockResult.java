package com.muejam.application.privacy;

/** The outcome of a block or unblock: the other user, and whether the call changed anything (both are idempotent). */
public record BlockResult(long userId, String username, boolean changed) {
}
