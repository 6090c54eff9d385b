package com.muejam.application.story;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.caching.CacheTags;
import com.muejam.application.caching.CachedQuery;
import com.muejam.application.caching.Regions;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.story.Genre;
import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryRepository;
import com.muejam.domain.story.Viewer;

/**
 * Story lists as the database serves them. The shared feeds are cached: their key is the NSFW setting, the cursor
 * and the limit, never the viewer, so every anonymous reader and every signed-in reader without a block relation
 * hits the same few entries (tag {@code story_feeds}, invalidated by any story change). Readers with blocks get
 * the per-viewer queries, uncached: they are few, and per-viewer entries would crowd the shared ones out of each
 * node's L1 while being invalidated just as often by {@code story_feeds}.
 */
@ApplicationScoped
public class StoryFeeds {

    @Inject
    StoryRepository stories;

    // ---- shared (viewer without blocks), cached ----------------------------------------------------------------

    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORY_FEEDS)
    public List<Story> newest(boolean showNsfw, TimeCursor before, int limit) {
        return stories.discoverNewest(new Viewer(0, showNsfw), before, limit);
    }

    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORY_FEEDS)
    public List<Story> featured(boolean showNsfw, TimeCursor before, int limit) {
        return stories.discoverFeatured(new Viewer(0, showNsfw), before, limit);
    }

    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORY_FEEDS)
    public List<Story> popular(boolean showNsfw, CountCursor before, int limit) {
        return stories.discoverPopular(new Viewer(0, showNsfw), before, limit);
    }

    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORY_FEEDS)
    public List<Story> mostRead(boolean showNsfw, CountCursor before, int limit) {
        return stories.discoverMostRead(new Viewer(0, showNsfw), before, limit);
    }

    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORY_FEEDS)
    public List<Story> genre(boolean showNsfw, Genre genre, TimeCursor before, int limit) {
        return stories.discoverGenre(new Viewer(0, showNsfw), genre, before, limit);
    }

    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORY_FEEDS)
    public List<Story> recentlyUpdated(boolean showNsfw, TimeCursor before, int limit) {
        return stories.discoverRecentlyUpdated(new Viewer(0, showNsfw), before, limit);
    }

    /**
     * Title search, newest match first. In the {@code search_results} region (its own TTL) but under the same
     * {@code story_feeds} tag: any story change (publish, edit, delete) drops every cached search at commit.
     */
    @ReadOnly
    @CachedQuery(region = Regions.SEARCH_RESULTS, tags = CacheTags.STORY_FEEDS)
    public List<Story> search(boolean showNsfw, String terms, TimeCursor before, int limit) {
        return stories.searchTitles(new Viewer(0, showNsfw), terms, before, limit);
    }

    // ---- per viewer (the viewer is in a block relation), uncached ----------------------------------------------

    @ReadOnly
    public List<Story> newestFor(Viewer viewer, TimeCursor before, int limit) {
        return stories.discoverNewest(viewer, before, limit);
    }

    @ReadOnly
    public List<Story> featuredFor(Viewer viewer, TimeCursor before, int limit) {
        return stories.discoverFeatured(viewer, before, limit);
    }

    @ReadOnly
    public List<Story> popularFor(Viewer viewer, CountCursor before, int limit) {
        return stories.discoverPopular(viewer, before, limit);
    }

    @ReadOnly
    public List<Story> mostReadFor(Viewer viewer, CountCursor before, int limit) {
        return stories.discoverMostRead(viewer, before, limit);
    }

    @ReadOnly
    public List<Story> genreFor(Viewer viewer, Genre genre, TimeCursor before, int limit) {
        return stories.discoverGenre(viewer, genre, before, limit);
    }

    @ReadOnly
    public List<Story> recentlyUpdatedFor(Viewer viewer, TimeCursor before, int limit) {
        return stories.discoverRecentlyUpdated(viewer, before, limit);
    }

    @ReadOnly
    public List<Story> searchFor(Viewer viewer, String terms, TimeCursor before, int limit) {
        return stories.searchTitles(viewer, terms, before, limit);
    }

    // ---- an author's pages, cached under the author's tag ------------------------------------------------------

    /** Published, newest publication first; NSFW only if {@code showNsfw} (true for the author's own view). */
    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORIES_BY_AUTHOR + "{0}")
    public List<Story> publishedByAuthor(long authorId, boolean showNsfw, TimeCursor before, int limit) {
        return stories.publishedByAuthor(authorId, showNsfw, before, limit);
    }

    /** Drafts, most recently edited first (the author's own view). */
    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = CacheTags.STORIES_BY_AUTHOR + "{0}")
    public List<Story> draftsByAuthor(long authorId, TimeCursor before, int limit) {
        return stories.draftsByAuthor(authorId, before, limit);
    }
}
