package com.muejam.application.story;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.NotFoundException;
import com.muejam.application.PermissionDeniedException;
import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.story.Genre;
import com.muejam.domain.story.Story;

/**
 * Reads of stories with the reader's rules applied. Viewer 0 is the anonymous reader. What a reader may not see
 * is answered as absent (404), never as forbidden, so its existence does not leak: deleted stories, other
 * authors' drafts, NSFW stories for readers who did not opt in, stories of authors in a block relation with the
 * reader (either direction). Not {@code @ReadOnly} itself: the beans it calls are, and a cache hit takes no route.
 */
@ApplicationScoped
public class StoryReader {

    @Inject
    StoryService stories;

    @Inject
    StoryFeeds feeds;

    @Inject
    Viewers viewers;

    /** The story if this viewer may read it; 404 otherwise. */
    public Story get(long viewerId, long id) {
        Story s = stories.find(id).filter(story -> !story.isDeleted())
                .orElseThrow(() -> new NotFoundException("story", id));
        if (viewerId != 0 && viewerId == s.getAuthorId()) {
            return s; // the author sees their drafts and their NSFW stories
        }
        if (!s.isPublished()) {
            throw new NotFoundException("story", id);
        }
        ViewerContext v = context(viewerId);
        if (s.isNsfw() && !v.showNsfw()) {
            throw new NotFoundException("story", id);
        }
        if (v.hasBlocks() && viewers.related(viewerId, s.getAuthorId())) {
            throw new NotFoundException("story", id);
        }
        return s;
    }

    /** An author's published stories; 404 when author and viewer are in a block relation. */
    public List<Story> publishedByAuthor(long viewerId, long authorId, TimeCursor before, int limit) {
        if (viewerId != 0 && viewerId == authorId) {
            return feeds.publishedByAuthor(authorId, true, before, limit);
        }
        ViewerContext v = context(viewerId);
        if (v.hasBlocks() && viewers.related(viewerId, authorId)) {
            throw new NotFoundException("author", authorId);
        }
        return feeds.publishedByAuthor(authorId, v.showNsfw(), before, limit);
    }

    /** The author's own drafts (403 for anyone else). */
    public List<Story> draftsByAuthor(long viewerId, long authorId, TimeCursor before, int limit) {
        if (viewerId != authorId) {
            throw new PermissionDeniedException("only the author sees their drafts");
        }
        return feeds.draftsByAuthor(authorId, before, limit);
    }

    public List<Story> newest(long viewerId, TimeCursor before, int limit) {
        ViewerContext v = context(viewerId);
        return v.hasBlocks() ? feeds.newestFor(v.viewer(), before, limit) : feeds.newest(v.showNsfw(), before, limit);
    }

    public List<Story> featured(long viewerId, TimeCursor before, int limit) {
        ViewerContext v = context(viewerId);
        return v.hasBlocks() ? feeds.featuredFor(v.viewer(), before, limit)
                : feeds.featured(v.showNsfw(), before, limit);
    }

    public List<Story> popular(long viewerId, CountCursor before, int limit) {
        ViewerContext v = context(viewerId);
        return v.hasBlocks() ? feeds.popularFor(v.viewer(), before, limit)
                : feeds.popular(v.showNsfw(), before, limit);
    }

    /** Most viewed first (ties: newest id first). */
    public List<Story> mostRead(long viewerId, CountCursor before, int limit) {
        ViewerContext v = context(viewerId);
        return v.hasBlocks() ? feeds.mostReadFor(v.viewer(), before, limit)
                : feeds.mostRead(v.showNsfw(), before, limit);
    }

    /** Newest publication first within one genre. */
    public List<Story> genre(long viewerId, Genre genre, TimeCursor before, int limit) {
        ViewerContext v = context(viewerId);
        return v.hasBlocks() ? feeds.genreFor(v.viewer(), genre, before, limit)
                : feeds.genre(v.showNsfw(), genre, before, limit);
    }

    /** Most recently updated first. */
    public List<Story> recentlyUpdated(long viewerId, TimeCursor before, int limit) {
        ViewerContext v = context(viewerId);
        return v.hasBlocks() ? feeds.recentlyUpdatedFor(v.viewer(), before, limit)
                : feeds.recentlyUpdated(v.showNsfw(), before, limit);
    }

    /**
     * Published stories whose title holds every word of {@code terms} (case-insensitive, whole words), newest
     * match first; {@code terms} already normalised by the caller (trimmed, not blank).
     */
    public List<Story> search(long viewerId, String terms, TimeCursor before, int limit) {
        ViewerContext v = context(viewerId);
        return v.hasBlocks() ? feeds.searchFor(v.viewer(), terms, before, limit)
                : feeds.search(v.showNsfw(), terms, before, limit);
    }

    private ViewerContext context(long viewerId) {
        return viewerId == 0 ? ViewerContext.ANONYMOUS : viewers.context(viewerId);
    }
}
