/**
 * Moderation use cases: readers flag stories and profiles, moderators work the queue and decide flags. Every flag
 * and every decision writes its audit row in the same transaction as the change, and the people concerned (the
 * reporter, the author of removed content) get a {@code moderation} notification in that transaction too.
 */
package com.muejam.application.moderation;
