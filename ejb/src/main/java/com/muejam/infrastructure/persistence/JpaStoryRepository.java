package com.muejam.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryRepository;
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
    public List<Story> findByAuthor(long authorId, Long beforeId, int limit) {
        return entityManagers.forRead()
                .createQuery("SELECT s FROM Story s WHERE s.authorId = :author AND s.deleted = false"
                        + " AND s.id < :before ORDER BY s.id DESC", Story.class)
                .setParameter("author", authorId)
                .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(limit)
                .getResultList();
    }
}
