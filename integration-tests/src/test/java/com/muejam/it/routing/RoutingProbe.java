package com.muejam.it.routing;

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

/**
 * In-container calls through the application's own beans, each reporting which server served it
 * ({@code pg_is_in_recovery()}, {@code inet_server_port()}), so routing is proven by the database's answer.
 */
@ApplicationScoped
public class RoutingProbe {

    public record Served<T>(T value, ServerIdentity server) {
    }

    @Inject
    StoryService stories;

    @Inject
    EntityManagers entityManagers;

    @Inject
    DatabaseProbe probe;

    @Inject
    ReadSide reads;

    /** Where a read-only call's reads go. */
    @ReadOnly
    public ServerIdentity readServer() {
        return probe.identify(entityManagers.forRead());
    }

    /** A read-only call that (wrongly) creates a story. */
    @ReadOnly
    public Story createInsideReadOnly(long author, String title) {
        return stories.create(author, title, "must not be written", false);
    }

    /** One transaction: write a story, then read it back through a read-only call. */
    @Transactional
    public Served<Optional<Story>> writeThenReadInOneTransaction(long author, String title) {
        long id = stories.create(author, title, "write then read", false).getId();
        return reads.readStory(id);
    }

    /** One transaction that only reads through a read-only call. */
    @Transactional
    public ServerIdentity readInsideTransaction() {
        return reads.readServer();
    }

    /** A read-only call with no database work: the cost of routing alone. */
    @ReadOnly
    public int routedNoOp(int x) {
        return x + 1;
    }

    /** A separate bean, so that calls from {@link RoutingProbe} go through the routing interceptor. */
    @ApplicationScoped
    public static class ReadSide {

        @Inject
        StoryService stories;

        @Inject
        EntityManagers entityManagers;

        @Inject
        DatabaseProbe probe;

        @ReadOnly
        public Served<Optional<Story>> readStory(long id) {
            return new Served<>(stories.find(id), probe.identify(entityManagers.forRead()));
        }

        @ReadOnly
        public ServerIdentity readServer() {
            return probe.identify(entityManagers.forRead());
        }
    }
}
