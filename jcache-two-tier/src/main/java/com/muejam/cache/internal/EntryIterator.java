package com.muejam.cache.internal;

import com.muejam.cache.internal.CacheStore.Snapshot;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.cache.Cache;

/** Iteration over a cache's entries (SCAN underneath): yields the live ones, removes through the cache. */
final class EntryIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

    private final Iterator<Map.Entry<String, Snapshot>> source;
    /** The entry to yield for a state, or null to skip it. */
    private final Function<Map.Entry<String, Snapshot>, Cache.Entry<K, V>> visit;
    private final Consumer<K> remove;
    private Cache.Entry<K, V> next;
    private Cache.Entry<K, V> last;

    EntryIterator(Iterator<Map.Entry<String, Snapshot>> source,
                  Function<Map.Entry<String, Snapshot>, Cache.Entry<K, V>> visit, Consumer<K> remove) {
        this.source = source;
        this.visit = visit;
        this.remove = remove;
    }

    @Override
    public boolean hasNext() {
        while (next == null && source.hasNext()) {
            next = visit.apply(source.next());
        }
        return next != null;
    }

    @Override
    public Cache.Entry<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        last = next;
        next = null;
        return last;
    }

    @Override
    public void remove() {
        if (last == null) {
            throw new IllegalStateException("next() first");
        }
        K key = last.getKey();
        last = null;
        remove.accept(key);
    }
}
