/**
 * Moderation over HTTP: any signed-in reader flags content ({@code POST /api/flags}); moderators work the queue,
 * decide flags and read the history under {@code /api/moderation} (401 anonymous, 403 for other users).
 */
package com.muejam.interfaces.rest.moderation;
