/**
 * Privacy use cases: a user's settings (NSFW opt-in, profile visibility, messages) and blocks between users. Every
 * change invalidates the tags other services cache viewer-specific reads under: {@code privacy:{userId}} (through the
 * entity map) and {@code blocks:{userId}} for both users of a block (explicitly: blocks are written with native SQL).
 */
package com.muejam.application.privacy;
