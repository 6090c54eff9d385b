/**
 * Notification use cases: the inbox (unread first-class), the cached unread count, read-marking, and how other use
 * cases notify someone. Notifications are written with native SQL (jsonb payload, coalescing upsert), which no
 * entity listener sees, so every change hands {@code notifications:{recipientId}} to the after-commit
 * invalidation itself.
 */
package com.muejam.application.notification;
