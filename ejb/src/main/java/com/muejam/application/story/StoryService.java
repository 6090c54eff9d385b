package com.muejam.application.story;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.muejam.application.ConflictException;
import com.muejam.application.NotFoundException;
import com.muejam.application.PermissionDeniedException;
import com.muejam.application.caching.CacheTags;
import com.muejam.application.caching.CachedQuery;
import com.muejam.application.caching.Regions;
import com.muejam.application.routing.ReadOnly;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.story.Genre;
import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryRepository;

/**
 * Story use cases. Writes run in a JTA transaction on the primary and check who may do them (author, moderator:
 * the caller's id and role come from the web layer as plain values); reads are {@link ReadOnly} and cached
 * ({@link CachedQuery}), invalidated after commit through the entity → tag map in {@link CacheTags}
 * ({@code story:{id}}, {@code stories_by_author:{authorId}}, {@code story_feeds}). Reader rules (drafts, NSFW,
 * blocks) are applied by {@link StoryReader}.
 */
@ApplicationScoped
public class StoryService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    StoryRepository stories;

    @Inject
    UserProfileRepository profiles;

    @Inject
    MentionNotifier mentions;

    /** A new draft by {@code authorId} (404 if no such profile). */
    @Transactional
    public Story create(long authorId, String title, String body, boolean nsfw, Genre genre) {
        if (profiles.findById(authorId).isEmpty()) {
            throw new NotFoundException("author", authorId);
        }
        return stories.add(new Story(authorId, title, body, nsfw, genre == null ? Genre.general : genre, now()));
    }

    /** A new draft in the general genre. */
    @Transactional
    public Story create(long authorId, String title, String body, boolean nsfw) {
        return create(authorId, title, body, nsfw, Genre.general);
    }

    /**
     * Changes the given fields (null = unchanged) of the actor's own story. With {@code expectedVersion}, the edit
     * applies only to that version ({@link StaleStoryException} otherwise); a concurrent save between this read
     * and the commit is caught by the version column and is a {@link ConflictException} too.
     */
    @Transactional
    public Story edit(long actorId, long id, Long expectedVersion, String title, String body, Boolean nsfw,
            Genre genre) {
        Story story = owned(actorId, id, "edit");
        if (expectedVersion != null && expectedVersion != story.getVersion()) {
            throw new StaleStoryException(id, expectedVersion, story.getVersion());
        }
        if (story.revise(title, body, nsfw, genre, now())) {
            flush(id);
        }
        return story;
    }

    /**
     * Publishes the actor's own draft; readers see it once the transaction commits. The first publication notifies
     * the users the story mentions; publishing again changes nothing and notifies no one.
     */
    @Transactional
    public Story publish(long actorId, long id) {
        Story story = owned(actorId, id, "publish");
        if (!story.isPublished()) {
            story.publish(now());
            flush(id);
            mentions.notifyMentioned(story,
                    profiles.findById(story.getAuthorId()).map(UserProfile::getUsername).orElse(null), now());
        }
        return story;
    }

    /** Features or unfeatures a published story (the caller is a moderator: checked by the web layer). */
    @Transactional
    public Story setFeatured(long id, boolean featured) {
        Story story = live(id);
        if (featured && !story.isPublished()) {
            throw new ConflictException("only a published story can be featured");
        }
        if (story.isFeatured() != featured) {
            story.setFeatured(featured);
            flush(id);
        }
        return story;
    }

    /** Soft-deletes a story: by its author, or by a moderator. A deleted story is gone for every reader. */
    @Transactional
    public void delete(long actorId, boolean moderator, long id) {
        Story story = live(id);
        if (!moderator && story.getAuthorId() != actorId) {
            throw new PermissionDeniedException("only the author or a moderator may delete this story");
        }
        story.delete(now());
        flush(id);
    }

    /** The story row as stored (deleted and drafts included): readers go through {@link StoryReader}. */
    @ReadOnly
    @CachedQuery(region = Regions.STORIES, tags = CacheTags.STORY + "{0}")
    public Optional<Story> find(long id) {
        return stories.findById(id);
    }

    /** The story, not deleted, for a write (on the primary: this runs inside the writing transaction). */
    private Story live(long id) {
        return stories.findById(id).filter(s -> !s.isDeleted()).orElseThrow(() -> new NotFoundException("story", id));
    }

    private Story owned(long actorId, long id, String action) {
        Story story = live(id);
        if (story.getAuthorId() != actorId) {
            throw new PermissionDeniedException("only the author may " + action + " this story");
        }
        return story;
    }

    /** Writes now, so a concurrent change of the same version is a 409 here, not a failed commit (a 500) later. */
    private void flush(long id) {
        try {
            stories.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("story " + id + " was changed concurrently; read it again");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
