package com.muejam.cache;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.cache.Cache;

/**
 * Query caching on top of the two-tier regions: results cached under a key, tagged with what they depend on, and
 * invalidated by tag or by region in O(1).
 *
 * <p><b>Reads</b> ({@link #get}): L1, then L2, then the loader. Concurrent misses of one key on one node run the
 * loader once. The tag versions are captured <em>before</em> the loader runs and stored with the value; a value
 * whose versions are no longer current is a miss. So a load that began before a write committed can never be
 * served after that write's {@link #invalidateTags}: it is either refused when stored or ignored when read.
 *
 * <p><b>Invalidation</b> ({@link #invalidateTags}, {@link #clearRegion}) increments version counters in Redis and
 * publishes them to every node in one step; nodes check versions on read from their local table, so an L1 hit
 * costs no network round trip. <b>Call it after the transaction that changed the data has committed</b> (for
 * example from a JTA {@code Synchronization.afterCompletion} with status committed), never before and never on
 * rollback: invalidating before the commit lets a concurrent read cache the old rows again.
 *
 * <p><b>Failures</b>: with Redis down, reads are served from L1 and the loader, nothing throws; invalidations apply
 * to this node at once and reach the others when Redis is back (their L1 serves at most {@code L1_CACHE_DEFAULT_TTL}
 * old values meanwhile, and every node flushes its L1 on reconnect).
 *
 * <p>Values must be {@link java.io.Serializable} to reach L2 (others stay in this node's L1); null results are not
 * cached. Tags are free-form strings without line breaks, by convention {@code entity} for "any row of the
 * entity" and {@code entity:id} for one row (see {@link Tags}).
 */
public interface QueryCache {

    /** Produces the value on a miss; may throw a checked exception, which {@link #get} rethrows as is. */
    @FunctionalInterface
    interface Loader<V, E extends Exception> {
        V load() throws E;
    }

    /**
     * The cached value of {@code key} in {@code region}, else the loader's result, cached with {@code tags} for the
     * region's L2 TTL (L1: at most {@code L1_CACHE_DEFAULT_TTL}).
     */
    <V, E extends Exception> V get(String region, String key, Collection<String> tags, Loader<V, E> loader) throws E;

    default <V, E extends Exception> V get(String region, String key, Loader<V, E> loader) throws E {
        return get(region, key, List.of(), loader);
    }

    /** The cached value, or null (never loads). */
    <V> V getIfPresent(String region, String key);

    /** Stores a value as the new truth for {@code key} (other nodes drop their copies). */
    void put(String region, String key, Object value, Collection<String> tags);

    /** Removes {@code key} from every node. */
    void evict(String region, String key);

    /**
     * An entity by id, cached in {@code region} under {@code entityType:id} and tagged {@link Tags#entity}, so
     * {@code invalidateTags(Tags.entity(type, id))} drops it together with every query that carries that tag.
     */
    default <V, E extends Exception> V getEntity(String region, String entityType, Object id, Loader<V, E> loader) throws E {
        String tag = Tags.entity(entityType, id);
        return get(region, tag, List.of(tag), loader);
    }

    /** Invalidates every entry carrying any of {@code tags}, on every node, in O(1). Call after commit. */
    void invalidateTags(Collection<String> tags);

    default void invalidateTags(String... tags) {
        invalidateTags(Arrays.asList(tags));
    }

    /** Invalidates every entry of a region on every node in O(1). */
    void clearRegion(String region);

    /** The region as a {@code javax.cache.Cache} (created on first use with the region's TTL). */
    Cache<String, Object> region(String region);

    /** Statistics of a region on this node. */
    CacheStatistics statistics(String region);
}
