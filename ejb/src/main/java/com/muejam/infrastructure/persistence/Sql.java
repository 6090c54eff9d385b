package com.muejam.infrastructure.persistence;

import java.util.regex.Pattern;

/** SQL fragments shared by several {@link HotQuery} entries (compile-time constants). */
final class Sql {

    /** What readers may see; the discovery indexes are partial on exactly this predicate. */
    static final String VISIBLE = "s.status = 'published' AND NOT s.deleted";

    /** NSFW rows only for viewers who opted in (a filter on indexes that hold both). */
    static final String NSFW_ALLOWED = "(:showNsfw OR NOT s.nsfw)";

    /**
     * Authors in a block relation with the viewer are excluded, in both directions: authors the viewer blocked and
     * authors who blocked the viewer. Two anti-joins, each an index-only probe of blocked_users_pair_key
     * (blocker_id, blocked_id) with both columns bound; an OR inside one subquery would need a BitmapOr instead.
     * Viewer 0 = anonymous (no rows).
     */
    static final String NOT_BLOCKED = "NOT EXISTS (SELECT 1 FROM blocked_users b "
            + "WHERE b.blocker_id = :viewerId AND b.blocked_id = s.author_id) "
            + "AND NOT EXISTS (SELECT 1 FROM blocked_users b2 "
            + "WHERE b2.blocker_id = s.author_id AND b2.blocked_id = :viewerId)";

    /** A {@code :name} placeholder; not the second colon of a {@code ::} cast. */
    static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-zA-Z][a-zA-Z0-9]*)");

    private Sql() {
    }
}
