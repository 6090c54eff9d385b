/**
 * Privacy use cases: a user's settings (NSFW opt-in, profile visibility, messages), blocks between users, and who
 * may see a profile ({@link com.muejam.application.privacy.ProfileViews}). It depends on the profile package, never
 * the other way round. Every change invalidates the tags other services cache viewer-specific reads under:
 * {@code privacy:{userId}} (through the entity map) and {@code blocks:{userId}} for both users of a block
 * (explicitly: blocks are written with native SQL).
 */
package com.muejam.application.privacy;
