package com.muejam.infrastructure.caching;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import com.muejam.application.caching.CacheInvalidation;
import com.muejam.cache.QueryCache;

/**
 * How a write invalidates the cache (the application's {@link CacheInvalidation}): tags collected during a JTA transaction are invalidated once, after it
 * commits — never before (a concurrent read would cache the old rows again) and not at all on rollback.
 *
 * <p>Reads may be served by a replica that has not yet replayed the commit; a miss right after the
 * invalidation could then cache the old row again. So the same tags are invalidated a second time after
 * {@code CACHE_REPLICA_GRACE_MS} (default 1000, the replica lag above which a replica leaves rotation),
 * which bounds that window.
 */
@ApplicationScoped
public class AfterCommitInvalidation implements CacheInvalidation {

    private static final Logger LOG = Logger.getLogger(AfterCommitInvalidation.class.getName());
    private static final Object KEY = AfterCommitInvalidation.class;

    @Inject
    @AppCache
    QueryCache cache;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "CACHE_REPLICA_GRACE_MS", defaultValue = "1000")
    long replicaGraceMs;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Records tags changed by the current transaction (or invalidates at once when there is none). */
    @Override
    public void afterCommit(Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            invalidate(Set.copyOf(tags));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) transactions.getResource(KEY);
        if (pending == null) {
            Set<String> created = new LinkedHashSet<>();
            transactions.putResource(KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing may be invalidated before the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        invalidate(created);
                    } else {
                        metrics.counter("muejam_cache_invalidations_discarded_total").inc();
                    }
                }
            });
            pending = created;
        }
        pending.addAll(tags);
    }

    private void invalidate(Set<String> tags) {
        try {
            cache.invalidateTags(tags);
            metrics.counter("muejam_cache_invalidations_after_commit_total").inc();
            scheduler.schedule(() -> cache.invalidateTags(tags), replicaGraceMs, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // the cache degrades, the committed write stands; L1 TTL bounds staleness
            LOG.log(Level.WARNING, "cache invalidation of " + tags + " failed", e);
        }
    }
}
