package com.muejam.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import javax.naming.InitialContext;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.application.profile.ProfileService;
import com.muejam.application.story.StoryService;
import com.muejam.cache.CacheStatistics;
import com.muejam.application.caching.Regions;
import com.muejam.cache.TwoTierCacheManager;
import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryStatus;
import com.muejam.infrastructure.caching.AppCache;

/**
 * In-container, through real JTA transactions: a cached read is invalidated when the transaction that changed
 * its entity commits — not before, and not on rollback. The cache runs on the test Redis (VALKEY_URL).
 */
@ExtendWith(ArquillianExtension.class)
class CacheInvalidationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CacheInvalidationIT.class);
    }

    @Inject
    StoryService stories;

    @Inject
    ProfileService profiles;

    @Inject
    @AppCache
    TwoTierCacheManager cache;

    @Test
    void aCommittedWriteInvalidatesTheCachedRead() throws Exception {
        long id = cachedDraft();
        long loads = stats().loads();
        assertThat(reader(id).orElseThrow().getStatus()).isEqualTo(StoryStatus.draft);
        assertThat(stats().loads()).as("second read is a cache hit").isEqualTo(loads);

        stories.publish(author, id); // commits

        Story after = reader(id).orElseThrow();
        assertThat(stats().loads()).as("the read after the commit missed and loaded").isGreaterThan(loads);
        // a replica a few ms behind may have served the load; the grace re-invalidation settles it
        for (int i = 0; i < 300 && after.getStatus() != StoryStatus.published; i++) {
            Thread.sleep(10);
            after = reader(id).orElseThrow();
        }
        assertThat(after.getStatus()).isEqualTo(StoryStatus.published);
    }

    @Test
    void nothingIsInvalidatedBeforeTheCommit() throws Exception {
        long id = cachedDraft();
        long loads = stats().loads();
        UserTransaction tx = userTransaction();
        tx.begin();
        try {
            stories.publish(author, id);
            // inside the writing transaction the cached entry is still there: served without a load
            assertThat(reader(id)).isPresent();
            assertThat(stats().loads()).as("no invalidation before commit").isEqualTo(loads);
        } finally {
            tx.commit();
        }
        reader(id);
        assertThat(stats().loads()).as("invalidated after commit").isGreaterThan(loads);
    }

    @Test
    void aRolledBackWriteInvalidatesNothing() throws Exception {
        long id = cachedDraft();
        long loads = stats().loads();
        UserTransaction tx = userTransaction();
        tx.begin();
        stories.publish(author, id);
        tx.rollback();

        Optional<Story> read = reader(id);
        assertThat(read.orElseThrow().getStatus()).isEqualTo(StoryStatus.draft);
        assertThat(stats().loads()).as("still a cache hit after the rollback").isEqualTo(loads);
    }

    @Test
    void cacheMetricsArePublished() throws Exception {
        long id = cachedDraft();
        reader(id);
        assertThat(stats().l1Hits()).isPositive();
        assertThat(cache.l2State().name()).isEqualTo("CLOSED");
    }

    @Resource
    ManagedExecutorService executor;

    /**
     * A read as another client makes it: on a thread without this test's request, whose writes would otherwise
     * send its reads past the cache for {@code CACHE_REPLICA_GRACE_MS} (read-your-writes, see ReadFreshness).
     */
    private Optional<Story> reader(long id) throws Exception {
        return executor.submit(() -> stories.find(id)).get();
    }

    /** The author of the story {@link #cachedDraft()} made. */
    private long author;

    /** A new draft story whose read is in the cache (waiting for the replica to have it first). */
    private long cachedDraft() throws Exception {
        author = profiles.create("c_" + UUID.randomUUID().toString().substring(0, 8), "Cache IT").getId();
        long id = stories.create(author, "cached", "body", false).getId();
        Optional<Story> read = reader(id); // an empty result is not cached: poll until the replica has it
        for (int i = 0; i < 300 && read.isEmpty(); i++) {
            Thread.sleep(10);
            read = reader(id);
        }
        assertThat(read).isPresent();
        return id;
    }

    private CacheStatistics stats() {
        return cache.queryCache().statistics(Regions.STORIES);
    }

    private static UserTransaction userTransaction() throws Exception {
        return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    }
}
