package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.StoryQuery.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.story.Genre;
import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryRepository;
import com.muejam.domain.story.Viewer;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaStoryRepository implements StoryRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public Story add(Story story) {
        var em = entityManagers.forWrite();
        em.persist(story);
        em.flush(); // the identity value is needed by the caller
        return story;
    }

    @Override
    public Optional<Story> findById(long id) {
        return Optional.ofNullable(entityManagers.forRead().find(Story.class, id));
    }

    @Override
    public void flush() {
        entityManagers.forWrite().flush();
    }

    @Override
    public List<Story> publishedByAuthor(long authorId, boolean showNsfw, TimeCursor before, int limit) {
        return list(STORIES_PUBLISHED_BY_AUTHOR, Map.of("authorId", authorId, "showNsfw", showNsfw,
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> draftsByAuthor(long authorId, TimeCursor before, int limit) {
        return list(STORY_DRAFTS_BY_AUTHOR, Map.of("authorId", authorId,
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> discoverNewest(Viewer viewer, TimeCursor before, int limit) {
        return list(DISCOVER_NEWEST, Map.of("showNsfw", viewer.showNsfw(), "viewerId", viewer.userId(),
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> discoverFeatured(Viewer viewer, TimeCursor before, int limit) {
        return list(DISCOVER_FEATURED, Map.of("showNsfw", viewer.showNsfw(), "viewerId", viewer.userId(),
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> discoverPopular(Viewer viewer, CountCursor before, int limit) {
        return list(DISCOVER_POPULAR, Map.of("showNsfw", viewer.showNsfw(), "viewerId", viewer.userId(),
                "beforeCount", before.count(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> discoverMostRead(Viewer viewer, CountCursor before, int limit) {
        return list(DISCOVER_MOST_READ, Map.of("showNsfw", viewer.showNsfw(), "viewerId", viewer.userId(),
                "beforeCount", before.count(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> discoverGenre(Viewer viewer, Genre genre, TimeCursor before, int limit) {
        return list(DISCOVER_GENRE, Map.of("genre", genre, "showNsfw", viewer.showNsfw(),
                "viewerId", viewer.userId(), "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> discoverRecentlyUpdated(Viewer viewer, TimeCursor before, int limit) {
        return list(DISCOVER_RECENTLY_UPDATED, Map.of("showNsfw", viewer.showNsfw(), "viewerId", viewer.userId(),
                "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    @Override
    public List<Story> searchTitles(Viewer viewer, String terms, TimeCursor before, int limit) {
        return list(STORY_TITLE_SEARCH, Map.of("terms", terms, "showNsfw", viewer.showNsfw(),
                "viewerId", viewer.userId(), "beforeAt", before.at(), "beforeId", before.id(), "limit", limit));
    }

    private List<Story> list(HotQuery q, Map<String, ?> values) {
        return NativeQueries.list(entityManagers.forRead(), q, Story.class, values);
    }
}
