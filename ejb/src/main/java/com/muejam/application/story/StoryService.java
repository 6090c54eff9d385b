package com.muejam.application.story;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.application.NotFoundException;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryRepository;
import com.muejam.cache.Regions;
import com.muejam.infrastructure.caching.CachedQuery;
import com.muejam.infrastructure.routing.ReadOnly;

/**
 * Story use cases. Writes run in a JTA transaction on the primary; reads are {@link ReadOnly} and cached
 * ({@link CachedQuery}), invalidated after commit through the tags in {@code META-INF/cache-tags.properties}.
 */
@ApplicationScoped
public class StoryService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    StoryRepository stories;

    @Inject
    UserProfileRepository profiles;

    @Transactional
    public Story create(long authorId, String title, String body, boolean nsfw) {
        if (profiles.findById(authorId).isEmpty()) {
            throw new NotFoundException("author", authorId);
        }
        return stories.add(new Story(authorId, title, body, nsfw, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Publishes a draft; readers see it once the transaction commits (its cache tags are invalidated then). */
    @Transactional
    public Story publish(long id) {
        Story story = stories.findById(id).orElseThrow(() -> new NotFoundException("story", id));
        story.publish(OffsetDateTime.now(ZoneOffset.UTC));
        return story;
    }

    @ReadOnly
    @CachedQuery(region = Regions.STORIES, tags = "story:{0}")
    public Optional<Story> find(long id) {
        return stories.findById(id);
    }

    @ReadOnly
    @CachedQuery(region = Regions.STORY_LISTING, tags = "stories_by_author:{0}")
    public List<Story> byAuthor(long authorId, Long beforeId, int limit) {
        return stories.findByAuthor(authorId, beforeId, Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }
}
