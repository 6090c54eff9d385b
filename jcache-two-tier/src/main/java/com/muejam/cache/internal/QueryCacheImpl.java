package com.muejam.cache.internal;

import com.muejam.cache.CacheStatistics;
import com.muejam.cache.QueryCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import javax.cache.Cache;

/**
 * {@link QueryCache} over the manager's region caches. The read path is: L1 (no network) → L2 → single-flight load
 * with the versions captured before the loader runs → fill (refused if an invalidation happened meanwhile).
 */
final class QueryCacheImpl implements QueryCache {

    private static final String[] NO_TAGS = new String[0];

    private final RegionCaches caches;
    private final ConcurrentHashMap<String, Region> regions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Flight> inFlight = new ConcurrentHashMap<>();

    QueryCacheImpl(RegionCaches caches) {
        this.caches = caches;
    }

    /** A region's store and TTL, resolved once. */
    private static final class Region {
        final TwoTierJCache<String, Object> cache;
        final CacheStore store;
        final long ttlMillis;

        Region(TwoTierJCache<String, Object> cache, long ttlMillis) {
            this.cache = cache;
            this.store = cache.store();
            this.ttlMillis = ttlMillis;
        }
    }

    /** A load in progress, with the versions it runs under. */
    private static final class Flight {
        final TagRegistry.Capture capture;
        final CompletableFuture<Object> result = new CompletableFuture<>();

        Flight(TagRegistry.Capture capture) {
            this.capture = capture;
        }
    }

    private Region region0(String name) {
        Region r = regions.get(name);
        if (r != null && !r.cache.isClosed()) {
            return r;
        }
        Region fresh = new Region(caches.regionCache(name), caches.regionTtlMillis(name));
        regions.put(name, fresh);
        return fresh;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, E extends Exception> V get(String region, String key, Collection<String> tags, Loader<V, E> loader)
            throws E {
        Region r = region0(region);
        CacheStore store = r.store;
        String k = store.codecs.encodeKey(key);
        L1Entry e = store.l1Get(k);
        if (e != null && e.isCurrent(System.currentTimeMillis())) {
            store.stats.l1Hits.increment();
            return (V) (e.ref != null ? e.ref : store.codecs.decodeValue(e.payload));
        }
        return slowGet(r, k, region, key, toArray(tags), loader);
    }

    @SuppressWarnings("unchecked")
    private <V, E extends Exception> V slowGet(Region r, String k, String region, String key, String[] tags,
                                               Loader<V, E> loader) throws E {
        CacheStore store = r.store;
        long fence = store.fence(k);
        long now = System.currentTimeMillis();
        CacheStore.Snapshot s = store.lookup(k, now);
        if (s.isPresent(now)) {
            return (V) store.value(s);
        }
        // Versions before the loader runs: whatever it reads is at least this new.
        TagRegistry.Capture capture = store.captureForLoad(tags);
        String flightKey = region + '\u0000' + key;
        Flight mine = new Flight(capture);
        Flight running = inFlight.putIfAbsent(flightKey, mine);
        if (running != null) {
            if (Arrays.equals(running.capture.versions, capture.versions) && running.capture.isCurrent()) {
                return (V) join(running);
            }
            // The running load began before an invalidation this read has seen: load independently.
            mine = new Flight(capture);
            return (V) load(r, k, fence, tags, capture, loader, mine);
        }
        try {
            return (V) load(r, k, fence, tags, capture, loader, mine);
        } finally {
            inFlight.remove(flightKey, mine);
        }
    }

    private <V, E extends Exception> Object load(Region r, String k, long fence, String[] tags,
                                                 TagRegistry.Capture capture, Loader<V, E> loader, Flight flight)
            throws E {
        CacheStore store = r.store;
        V v;
        try {
            store.stats.loads.increment();
            v = loader.load();
        } catch (Exception ex) {
            store.stats.loadFailures.increment();
            flight.result.completeExceptionally(ex);
            throw ex;
        } catch (Error err) {
            flight.result.completeExceptionally(err);
            throw err;
        }
        if (v != null) {
            store.fill(k, fence, v, tags, capture, r.ttlMillis, System.currentTimeMillis());
        }
        flight.result.complete(v);
        return v;
    }

    private static Object join(Flight f) {
        try {
            return f.result.join();
        } catch (CompletionException e) {
            throw sneaky(e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V getIfPresent(String region, String key) {
        CacheStore store = region0(region).store;
        long now = System.currentTimeMillis();
        CacheStore.Snapshot s = store.lookup(store.codecs.encodeKey(key), now);
        return s.isPresent(now) ? (V) store.value(s) : null;
    }

    @Override
    public void put(String region, String key, Object value, Collection<String> tags) {
        Region r = region0(region);
        String[] t = toArray(tags);
        long now = System.currentTimeMillis();
        TagRegistry.Capture capture = r.store.captureForLoad(t);
        r.store.commit(r.store.codecs.encodeKey(key), CacheStore.ANY, value, now + r.ttlMillis, now, t, capture);
    }

    @Override
    public void evict(String region, String key) {
        long now = System.currentTimeMillis();
        CacheStore store = region0(region).store;
        store.commit(store.codecs.encodeKey(key), CacheStore.ANY, null, 0, now);
    }

    @Override
    public void invalidateTags(Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(tags.size());
        for (String t : tags) {
            ids.add(TagRegistry.tagId(checkTag(t)));
        }
        caches.invalidateTagIds(ids);
    }

    @Override
    public void clearRegion(String region) {
        region0(region).store.clear();
    }

    @Override
    public Cache<String, Object> region(String region) {
        return region0(region).cache;
    }

    @Override
    public CacheStatistics statistics(String region) {
        return caches.statistics(region0(region).cache.getName());
    }

    private static String[] toArray(Collection<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return NO_TAGS;
        }
        String[] a = new String[tags.size()];
        int i = 0;
        for (String t : tags) {
            a[i++] = checkTag(t);
        }
        return a;
    }

    private static String checkTag(String t) {
        if (t == null || t.isEmpty() || t.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("tags must be non-empty and without line breaks: " + t);
        }
        return t;
    }
}
