package com.muejam.domain.story;

import java.util.List;
import java.util.Optional;

/** Stories as the application sees them; the implementation decides which database serves each call. */
public interface StoryRepository {

    Story add(Story story);

    Optional<Story> findById(long id);

    /** An author's stories, newest first, seeking below {@code beforeId} (keyset pagination; null = first page). */
    List<Story> findByAuthor(long authorId, Long beforeId, int limit);
}
