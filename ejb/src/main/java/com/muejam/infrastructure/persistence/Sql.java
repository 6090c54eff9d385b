package com.muejam.infrastructure.persistence;

import java.util.regex.Pattern;

/** SQL fragments shared by several {@link HotQuery} entries (compile-time constants). */
final class Sql {

    /** What readers may see; the discovery indexes are partial on exactly this predicate. */
    static final String VISIBLE = "s.status = 'published' AND NOT s.deleted";

    /** NSFW rows only for viewers who opted in (a filter on indexes that hold both). */
    static final String NSFW_ALLOWED = "(:showNsfw OR NOT s.nsfw)";

    /** Authors the viewer blocked are excluded (anti-join on blocked_users_pair_key; viewer 0 = anonymous). */
    static final String NOT_BLOCKED = "NOT EXISTS (SELECT 1 FROM blocked_users b "
            + "WHERE b.blocker_id = :viewerId AND b.blocked_id = s.author_id)";

    /** A {@code :name} placeholder; not the second colon of a {@code ::} cast. */
    static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-zA-Z][a-zA-Z0-9]*)");

    private Sql() {
    }
}
