package com.muejam.infrastructure.persistence;

/**
 * The story queries: an author's pages and discovery (visible stories, NSFW filtered unless opted in, authors in a
 * block relation with the viewer excluded). The SQL follows the rules of {@link HotQuery}.
 */
public enum StoryQuery implements HotQuery {

    /** NSFW is a filter on the author's index (pass showNsfw = true for the author's own view). */
    STORIES_PUBLISHED_BY_AUTHOR("""
            SELECT * FROM stories s
            WHERE s.author_id = :authorId AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_author_published_idx"),

    STORY_DRAFTS_BY_AUTHOR("""
            SELECT * FROM stories s
            WHERE s.author_id = :authorId AND s.status = 'draft' AND NOT s.deleted
              AND (s.updated_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.updated_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_author_drafts_idx"),

    // discovery (visible, NSFW filtered unless opted in, blocked authors excluded)
    DISCOVER_NEWEST("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_newest_idx", "blocked_users_pair_key"),

    DISCOVER_FEATURED("""
            SELECT * FROM stories s
            WHERE s.featured AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_featured_idx", "blocked_users_pair_key"),

    DISCOVER_POPULAR("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.like_count, s.id) < (:beforeCount, :beforeId)
            ORDER BY s.like_count DESC, s.id DESC
            LIMIT :limit""",
            "stories_popular_idx", "blocked_users_pair_key"),

    DISCOVER_MOST_READ("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.view_count, s.id) < (:beforeCount, :beforeId)
            ORDER BY s.view_count DESC, s.id DESC
            LIMIT :limit""",
            "stories_most_read_idx", "blocked_users_pair_key"),

    DISCOVER_GENRE("""
            SELECT * FROM stories s
            WHERE s.genre = :genre AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND "
            + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_genre_newest_idx", "blocked_users_pair_key"),

    DISCOVER_RECENTLY_UPDATED("""
            SELECT * FROM stories s
            WHERE\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.updated_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.updated_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_recently_updated_idx", "blocked_users_pair_key"),

    /** Words of the title, all required ({@code plainto_tsquery}); newest match first. */
    STORY_TITLE_SEARCH("""
            SELECT * FROM stories s
            WHERE to_tsvector('simple', s.title) @@ plainto_tsquery('simple', :terms)
              AND\s""" + Sql.VISIBLE + " AND " + Sql.NSFW_ALLOWED + " AND " + Sql.NOT_BLOCKED + """
              AND (s.published_at, s.id) < (:beforeAt, :beforeId)
            ORDER BY s.published_at DESC, s.id DESC
            LIMIT :limit""",
            "stories_title_search_idx", "blocked_users_pair_key");

    private final SqlText text;

    StoryQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
