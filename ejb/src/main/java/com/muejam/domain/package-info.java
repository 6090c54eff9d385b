/**
 * The domain: entities and repository interfaces, one sub-package per area (story, profile, moderation,
 * ratelimit, audit, notification, privacy, security). Nothing here knows about replicas, pools or caches; the
 * infrastructure implements these interfaces. Shared value types live here: keyset cursors
 * ({@link com.muejam.domain.TimeCursor}, {@link com.muejam.domain.CountCursor}) - every list is paged by seeking
 * past the last row seen, never by OFFSET - and {@link com.muejam.domain.TargetType}.
 *
 * <p>Entities reference each other by id columns only, so loading one never loads a graph.
 */
package com.muejam.domain;
