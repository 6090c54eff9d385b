package com.muejam.it;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.muejam.application.routing.ReadOnly;
import com.muejam.application.story.StoryService;
import com.muejam.domain.story.Story;
import com.muejam.infrastructure.monitoring.DatabaseProbe.ServerIdentity;
import com.muejam.infrastructure.monitoring.DatabaseProbe;
import com.muejam.infrastructure.routing.EntityManagers;
import com.muejam.infrastructure.routing.RouteContext;

/**
 * Test-side bean that performs application calls and, in the same call, asks the database that served them
 * who it is, so routing is proven by the server's answer rather than by configuration.
 */
@ApplicationScoped
public class ServerProbe {

    public record Served<T>(T value, ServerIdentity server) {
    }

    @Inject
    StoryService stories;

    @Inject
    EntityManagers entityManagers;

    @Inject
    DatabaseProbe probe;

    @Transactional
    public Served<Story> createStory(long authorId, String title) {
        Story story = stories.create(authorId, title, "body of " + title, false);
        return new Served<>(story, identify(entityManagers.forWrite()));
    }

    @ReadOnly
    public Served<Optional<Story>> readStory(long id) {
        return new Served<>(stories.find(id), identify(entityManagers.forRead()));
    }

    @ReadOnly
    public String routeInsideReadOnly() {
        return RouteContext.current().unitName();
    }

    private ServerIdentity identify(jakarta.persistence.EntityManager em) {
        return probe.identify(em);
    }
}
