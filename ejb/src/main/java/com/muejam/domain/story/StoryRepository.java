package com.muejam.domain.story;

import java.util.List;
import java.util.Optional;

import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;

/**
 * Stories as the application sees them; the implementation decides which database serves each call. Every list
 * is keyset-paged: pass the last row's cursor to get the next page.
 */
public interface StoryRepository {

    Story add(Story story);

    Optional<Story> findById(long id);

    /** Writes pending changes of managed stories now (a stale version fails here, not at commit). */
    void flush();

    /**
     * An author's public page: published, not deleted, newest publication first; NSFW stories only if
     * {@code showNsfw} (true for the author's own view).
     */
    List<Story> publishedByAuthor(long authorId, boolean showNsfw, TimeCursor before, int limit);

    /** An author's drafts, most recently edited first. */
    List<Story> draftsByAuthor(long authorId, TimeCursor before, int limit);

    /** Newest published stories the viewer may see (cursor on published_at, id). */
    List<Story> discoverNewest(Viewer viewer, TimeCursor before, int limit);

    /** Featured stories, newest first. */
    List<Story> discoverFeatured(Viewer viewer, TimeCursor before, int limit);

    /** Most liked first (cursor on like_count, id). */
    List<Story> discoverPopular(Viewer viewer, CountCursor before, int limit);

    /** Most viewed first (cursor on view_count, id). */
    List<Story> discoverMostRead(Viewer viewer, CountCursor before, int limit);

    /** Newest first within one genre. */
    List<Story> discoverGenre(Viewer viewer, Genre genre, TimeCursor before, int limit);

    /** Most recently updated first (cursor on updated_at, id). */
    List<Story> discoverRecentlyUpdated(Viewer viewer, TimeCursor before, int limit);

    /** Stories whose title contains all the words of {@code terms}, newest first. */
    List<Story> searchTitles(Viewer viewer, String terms, TimeCursor before, int limit);
}
