package com.muejam.cache.internal;

import com.muejam.cache.internal.CacheStore.Snapshot;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import javax.cache.processor.MutableEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link javax.cache.Cache} over the two tiers of a {@link CacheStore}: reads try L1, then L2, then the
 * configured loader (read-through); writes are compare-and-set operations on L2 that also drop the other nodes'
 * L1 copies. JSR-107 semantics (expiry policy, listeners, loader/writer, entry processors, statistics) are applied
 * here, on this node; an operation that loses a race with another node's write is re-run on the new state (so a
 * writer or an entry processor may run again for it).
 */
final class TwoTierJCache<K, V> implements Cache<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(TwoTierJCache.class);

    private final TwoTierCacheManagerImpl manager;
    private final String name;
    private final MutableConfiguration<K, V> configuration;
    private final CacheLoader<K, V> loader;
    private final CacheWriter<K, V> writer;
    private final ExpiryPolicy expiryPolicy;
    private final CopyOnWriteArrayList<ListenerRegistration<K, V>> listeners = new CopyOnWriteArrayList<>();
    private final CacheStore store;
    private final JCacheStatistics statistics = new JCacheStatistics();
    private final JCacheConfigMXBean configBean;
    private final ConcurrentHashMap<String, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile boolean statisticsEnabled;

    @SuppressWarnings("unchecked")
    TwoTierJCache(TwoTierCacheManagerImpl manager, String name, Configuration<K, V> config, CacheStore store) {
        this.manager = manager;
        this.name = name;
        if (config instanceof CompleteConfiguration) {
            this.configuration = new MutableConfiguration<>((CompleteConfiguration<K, V>) config);
        } else {
            MutableConfiguration<K, V> m = new MutableConfiguration<>();
            m.setStoreByValue(config.isStoreByValue());
            m.setTypes(config.getKeyType(), config.getValueType());
            this.configuration = m;
        }
        this.loader = configuration.getCacheLoaderFactory() == null ? null
                : (CacheLoader<K, V>) configuration.getCacheLoaderFactory().create();
        this.writer = configuration.getCacheWriterFactory() == null ? null
                : (CacheWriter<K, V>) configuration.getCacheWriterFactory().create();
        this.expiryPolicy = configuration.getExpiryPolicyFactory().create();
        this.store = store;
        for (CacheEntryListenerConfiguration<K, V> l : configuration.getCacheEntryListenerConfigurations()) {
            listeners.add(new ListenerRegistration<>(l));
        }
        this.configBean = new JCacheConfigMXBean(configuration);
        if (configuration.isManagementEnabled()) {
            setManagementEnabled(true);
        }
        if (configuration.isStatisticsEnabled()) {
            setStatisticsEnabled(true);
        }
    }

    /** The tiers underneath (for the query cache and statistics). */
    public CacheStore store() {
        return store;
    }

    public JCacheStatistics jcacheStatistics() {
        return statistics;
    }

    // ------------------------------------------------------------------ helpers

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("cache " + name + " is closed");
        }
    }

    private String k(K key) {
        Objects.requireNonNull(key, "key");
        return store.codecs.encodeKey(key);
    }

    @SuppressWarnings("unchecked")
    private V valueOf(Snapshot s) {
        return (V) store.value(s);
    }

    private long nanos() {
        return statisticsEnabled ? System.nanoTime() : 0;
    }

    private void checkTypes(K key, V value) {
        Class<?> kt = configuration.getKeyType();
        Class<?> vt = configuration.getValueType();
        if (Object.class != kt && !kt.isInstance(key)) {
            throw new ClassCastException("key " + key + " is not a " + kt.getName());
        }
        if (Object.class != vt && !vt.isInstance(value)) {
            throw new ClassCastException("value " + value + " is not a " + vt.getName());
        }
    }

    private static long adjusted(Duration d, long now) {
        if (d.isEternal()) {
            return StoredEntry.ETERNAL;
        }
        return d.getAdjustedTime(now);
    }

    /** Expiry of a new entry; a failing policy means eternal (as in the reference implementation). */
    private long creationExpiry(long now) {
        Duration d;
        try {
            d = expiryPolicy.getExpiryForCreation();
        } catch (Throwable t) {
            d = Duration.ETERNAL;
        }
        return d == null ? StoredEntry.ETERNAL : adjusted(d, now);
    }

    /** Expiry after an update; null duration (or a failing policy) keeps {@code current}. */
    private long updateExpiry(long now, long current) {
        try {
            Duration d = expiryPolicy.getExpiryForUpdate();
            return d == null ? current : adjusted(d, now);
        } catch (Throwable t) {
            return current;
        }
    }

    /** Expiry after an access, or {@code Long.MIN_VALUE} for "unchanged". */
    private long accessExpiry(long now) {
        try {
            Duration d = expiryPolicy.getExpiryForAccess();
            return d == null ? Long.MIN_VALUE : adjusted(d, now);
        } catch (Throwable t) {
            return Long.MIN_VALUE;
        }
    }

    /** Applies an access expiry to a present entry by rewriting it with the new deadline. */
    private void touch(String k, Snapshot s, long now) {
        long exp = accessExpiry(now);
        if (exp != Long.MIN_VALUE && exp != s.expireAt) {
            store.commit(k, s, valueOf(s), exp, now);
        }
    }

    private void write(K key, V value) {
        if (configuration.isWriteThrough() && writer != null) {
            try {
                writer.write(new SimpleEntry<>(key, value));
            } catch (CacheWriterException e) {
                throw e;
            } catch (Exception e) {
                throw new CacheWriterException("exception in CacheWriter", e);
            }
        }
    }

    private void delete(K key) {
        if (configuration.isWriteThrough() && writer != null) {
            try {
                writer.delete(key);
            } catch (CacheWriterException e) {
                throw e;
            } catch (Exception e) {
                throw new CacheWriterException("exception in CacheWriter", e);
            }
        }
    }

    private V load(K key) {
        try {
            return loader.load(key);
        } catch (CacheLoaderException e) {
            throw e;
        } catch (Exception e) {
            throw new CacheLoaderException("exception in CacheLoader", e);
        }
    }

    /** Runs the loader once per key on this node when several threads miss it together. */
    private V loadOnce(String k, K key) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = loading.putIfAbsent(k, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw e;
            }
        }
        try {
            store.stats.loads.increment();
            V v = load(key);
            mine.complete(v);
            return v;
        } catch (RuntimeException e) {
            store.stats.loadFailures.increment();
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(k, mine);
        }
    }

    /** Removes an expired entry and reports it; false if it changed meanwhile (re-read). */
    private boolean expire(String k, K key, Snapshot s, long now, EventDispatcher<K, V> d) {
        V old = valueOf(s);
        if (!store.commit(k, s, null, 0, now)) {
            return false;
        }
        d.expired(key, old);
        return true;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public V get(K key) {
        ensureOpen();
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        V v = getValue(key, d);
        d.dispatch(listeners);
        return v;
    }

    private V getValue(K key, EventDispatcher<K, V> d) {
        String k = k(key);
        long start = nanos();
        try {
            for (;;) {
                long now = System.currentTimeMillis();
                Snapshot s = store.lookup(k, now);
                if (s.isPresent(now)) {
                    V v = valueOf(s);
                    touch(k, s, now);
                    if (statisticsEnabled) {
                        statistics.hits.increment();
                    }
                    return v;
                }
                if (s.isExpired(now) && !expire(k, key, s, now, d)) {
                    continue;
                }
                if (statisticsEnabled) {
                    statistics.misses.increment();
                }
                if (!configuration.isReadThrough() || loader == null) {
                    return null;
                }
                V loaded = loadOnce(k, key);
                if (loaded == null) {
                    return null;
                }
                long exp = creationExpiry(now);
                if (exp <= now) {
                    return null;
                }
                Snapshot cur = store.read(k, now);
                if (!cur.isPresent(now) && store.commit(k, cur, loaded, exp, now)) {
                    d.created(key, loaded);
                }
                return loaded;
            }
        } finally {
            if (statisticsEnabled) {
                statistics.getNanos.add(System.nanoTime() - start);
            }
        }
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        ensureOpen();
        for (K key : keys) {
            Objects.requireNonNull(key, "keys contains null");
        }
        Map<K, V> result = new HashMap<>(keys.size() * 2);
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        for (K key : keys) {
            V v = getValue(key, d);
            if (v != null) {
                result.put(key, v);
            }
        }
        d.dispatch(listeners);
        return result;
    }

    @Override
    public boolean containsKey(K key) {
        ensureOpen();
        String k = k(key);
        long now = System.currentTimeMillis();
        return store.lookup(k, now).isPresent(now);
    }

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener completionListener) {
        ensureOpen();
        Objects.requireNonNull(keys, "keys");
        if (loader == null) {
            if (completionListener != null) {
                completionListener.onCompletion();
            }
            return;
        }
        for (K key : keys) {
            Objects.requireNonNull(key, "keys contains null");
        }
        manager.executeLoad(() -> {
            try {
                List<K> toLoad = new ArrayList<>();
                for (K key : keys) {
                    if (replaceExistingValues || !containsKey(key)) {
                        toLoad.add(key);
                    }
                }
                Map<? extends K, ? extends V> loaded;
                try {
                    loaded = loader.loadAll(toLoad);
                } catch (CacheLoaderException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CacheLoaderException("exception in CacheLoader", e);
                }
                Map<K, V> nonNull = new LinkedHashMap<>();
                if (loaded != null) {
                    for (K key : toLoad) {
                        V v = loaded.get(key);
                        if (v != null) {
                            nonNull.put(key, v);
                        }
                    }
                }
                putAll(nonNull, replaceExistingValues, false);
                if (completionListener != null) {
                    completionListener.onCompletion();
                }
            } catch (Exception e) {
                if (completionListener != null) {
                    completionListener.onException(e);
                }
            }
        });
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void put(K key, V value) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkTypes(key, value);
        long start = nanos();
        String k = k(key);
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        boolean counted = false;
        for (;;) {
            long now = System.currentTimeMillis();
            Snapshot s = store.read(k, now);
            if (s.isExpired(now)) {
                if (!expire(k, key, s, now, d)) {
                    continue;
                }
                s = store.read(k, now);
                if (s.isPresent(now)) {
                    continue;
                }
            }
            if (!s.isPresent(now)) {
                long exp = creationExpiry(now);
                write(key, value);
                if (exp <= now) {
                    d.expired(key, value);
                    break;
                }
                if (!store.commit(k, s, value, exp, now)) {
                    continue;
                }
                d.created(key, value);
            } else {
                V old = valueOf(s);
                write(key, value);
                long exp = updateExpiry(now, s.expireAt);
                if (!store.commit(k, s, value, exp, now)) {
                    continue;
                }
                d.updated(key, value, old);
            }
            counted = true;
            break;
        }
        d.dispatch(listeners);
        if (statisticsEnabled && counted) {
            statistics.puts.increment();
            statistics.putNanos.add(System.nanoTime() - start);
        }
    }

    @Override
    public V getAndPut(K key, V value) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkTypes(key, value);
        long start = nanos();
        String k = k(key);
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        V result;
        boolean counted = false;
        for (;;) {
            long now = System.currentTimeMillis();
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                write(key, value);
                if (s.isExpired(now)) {
                    if (!expire(k, key, s, now, d)) {
                        continue;
                    }
                    s = store.read(k, now);
                    if (s.isPresent(now)) {
                        continue;
                    }
                }
                result = null;
                long exp = creationExpiry(now);
                if (exp <= now) {
                    d.expired(key, value);
                    break;
                }
                if (!store.commit(k, s, value, exp, now)) {
                    continue;
                }
                d.created(key, value);
            } else {
                V old = valueOf(s);
                write(key, value);
                long exp = updateExpiry(now, s.expireAt);
                if (!store.commit(k, s, value, exp, now)) {
                    continue;
                }
                result = old;
                d.updated(key, value, old);
            }
            counted = true;
            break;
        }
        d.dispatch(listeners);
        if (statisticsEnabled) {
            if (result == null) {
                statistics.misses.increment();
            } else {
                statistics.hits.increment();
            }
            statistics.getNanos.add(System.nanoTime() - start);
            if (counted) {
                statistics.puts.increment();
                statistics.putNanos.add(System.nanoTime() - start);
            }
        }
        return result;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        ensureOpen();
        putAll(map, true, true);
    }

    private void putAll(Map<? extends K, ? extends V> map, boolean replaceExisting, boolean useWriteThrough) {
        ensureOpen();
        long start = nanos();
        if (map.containsKey(null)) {
            throw new NullPointerException("key");
        }
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            Objects.requireNonNull(e.getKey(), "key");
            Objects.requireNonNull(e.getValue(), "value of " + e.getKey());
        }
        CacheException failure = null;
        Set<K> keysToPut = new java.util.LinkedHashSet<>(map.keySet());
        if (useWriteThrough && configuration.isWriteThrough() && writer != null) {
            List<Cache.Entry<? extends K, ? extends V>> entries = new ArrayList<>(map.size());
            for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
                entries.add(new SimpleEntry<>(e.getKey(), e.getValue()));
            }
            try {
                writer.writeAll(entries);
            } catch (CacheWriterException e) {
                failure = e;
            } catch (Exception e) {
                failure = new CacheWriterException("exception in CacheWriter", e);
            }
            // what the writer left in the collection was not written: do not cache it
            for (Cache.Entry<? extends K, ? extends V> e : entries) {
                keysToPut.remove(e.getKey());
            }
        }
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        int puts = 0;
        for (K key : keysToPut) {
            V value = map.get(key);
            String k = k(key);
            for (;;) {
                long now = System.currentTimeMillis();
                Snapshot s = store.read(k, now);
                if (s.isExpired(now)) {
                    if (!expire(k, key, s, now, d)) {
                        continue;
                    }
                    s = store.read(k, now);
                    if (s.isPresent(now)) {
                        continue;
                    }
                }
                if (!s.isPresent(now)) {
                    long exp = creationExpiry(now);
                    if (exp <= now) {
                        d.expired(key, value);
                        break;
                    }
                    if (!store.commit(k, s, value, exp, now)) {
                        continue;
                    }
                    d.created(key, value);
                    if (useWriteThrough) {
                        puts++;
                    }
                } else if (replaceExisting) {
                    V old = valueOf(s);
                    long exp = updateExpiry(now, s.expireAt);
                    if (!store.commit(k, s, value, exp, now)) {
                        continue;
                    }
                    d.updated(key, value, old);
                    if (useWriteThrough) {
                        puts++;
                    }
                }
                break;
            }
        }
        d.dispatch(listeners);
        if (statisticsEnabled && puts > 0) {
            statistics.puts.add(puts);
            statistics.putNanos.add(System.nanoTime() - start);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkTypes(key, value);
        long start = nanos();
        String k = k(key);
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        boolean result;
        for (;;) {
            long now = System.currentTimeMillis();
            Snapshot s = store.read(k, now);
            if (s.isPresent(now)) {
                result = false;
                break;
            }
            write(key, value);
            if (s.isExpired(now)) {
                if (!expire(k, key, s, now, d)) {
                    continue;
                }
                s = store.read(k, now);
                if (s.isPresent(now)) {
                    continue;
                }
            }
            long exp = creationExpiry(now);
            if (exp <= now) {
                d.expired(key, value);
                result = false;
                break;
            }
            if (!store.commit(k, s, value, exp, now)) {
                continue;
            }
            d.created(key, value);
            result = true;
            break;
        }
        d.dispatch(listeners);
        if (statisticsEnabled) {
            if (result) {
                statistics.puts.increment();
                statistics.misses.increment();
                statistics.putNanos.add(System.nanoTime() - start);
            } else {
                statistics.hits.increment();
            }
        }
        return result;
    }

    @Override
    public boolean remove(K key) {
        ensureOpen();
        long start = nanos();
        String k = k(key);
        boolean result;
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        result = removeEntry(key, k, d) != null;
        d.dispatch(listeners);
        if (result && statisticsEnabled) {
            statistics.removals.increment();
            statistics.removeNanos.add(System.nanoTime() - start);
        }
        return result;
    }

    @Override
    public boolean remove(K key, V oldValue) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(oldValue, "oldValue");
        long start = nanos();
        String k = k(key);
        boolean result;
        boolean hit = false;
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        for (;;) {
            long now = System.currentTimeMillis();
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                result = false;
                break;
            }
            hit = true;
            V current = valueOf(s);
            if (current.equals(oldValue)) {
                delete(key);
                if (!store.commit(k, s, null, 0, now)) {
                    continue;
                }
                d.removed(key, oldValue);
                result = true;
            } else {
                touch(k, s, now);
                result = false;
            }
            break;
        }
        d.dispatch(listeners);
        if (statisticsEnabled) {
            if (result) {
                statistics.removals.increment();
                statistics.removeNanos.add(System.nanoTime() - start);
            }
            statistics.getNanos.add(System.nanoTime() - start);
            if (hit) {
                statistics.hits.increment();
            } else {
                statistics.misses.increment();
            }
        }
        return result;
    }

    /**
     * Removes the entry (writer first, then a compare-and-set retried until it wins) and records the removal
     * event; the removed value, or null when there was none.
     */
    private V removeEntry(K key, String k, EventDispatcher<K, V> d) {
        delete(key);
        for (;;) {
            long now = System.currentTimeMillis();
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                return null;
            }
            V old = valueOf(s);
            if (store.commit(k, s, null, 0, now)) {
                d.removed(key, old);
                return old;
            }
        }
    }

    @Override
    public V getAndRemove(K key) {
        ensureOpen();
        long start = nanos();
        String k = k(key);
        V result;
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        result = removeEntry(key, k, d);
        d.dispatch(listeners);
        if (statisticsEnabled) {
            statistics.getNanos.add(System.nanoTime() - start);
            if (result != null) {
                statistics.hits.increment();
                statistics.removals.increment();
                statistics.removeNanos.add(System.nanoTime() - start);
            } else {
                statistics.misses.increment();
            }
        }
        return result;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        long start = nanos();
        String k = k(key);
        boolean result;
        boolean hit = false;
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        for (;;) {
            long now = System.currentTimeMillis();
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                result = false;
                break;
            }
            hit = true;
            V current = valueOf(s);
            if (current.equals(oldValue)) {
                write(key, newValue);
                long exp = updateExpiry(now, s.expireAt);
                if (!store.commit(k, s, newValue, exp, now)) {
                    continue;
                }
                d.updated(key, newValue, oldValue);
                result = true;
            } else {
                touch(k, s, now);
                result = false;
            }
            break;
        }
        d.dispatch(listeners);
        if (statisticsEnabled) {
            if (result) {
                statistics.puts.increment();
                statistics.putNanos.add(System.nanoTime() - start);
            }
            statistics.getNanos.add(System.nanoTime() - start);
            if (hit) {
                statistics.hits.increment();
            } else {
                statistics.misses.increment();
            }
        }
        return result;
    }

    @Override
    public boolean replace(K key, V value) {
        return getAndReplace0(key, value) != null;
    }

    @Override
    public V getAndReplace(K key, V value) {
        return getAndReplace0(key, value);
    }

    private V getAndReplace0(K key, V value) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long start = nanos();
        String k = k(key);
        V result;
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        for (;;) {
            long now = System.currentTimeMillis();
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                result = null;
                break;
            }
            V old = valueOf(s);
            write(key, value);
            long exp = updateExpiry(now, s.expireAt);
            if (!store.commit(k, s, value, exp, now)) {
                continue;
            }
            d.updated(key, value, old);
            result = old;
            break;
        }
        d.dispatch(listeners);
        if (statisticsEnabled) {
            statistics.getNanos.add(System.nanoTime() - start);
            if (result != null) {
                statistics.hits.increment();
                statistics.puts.increment();
                statistics.putNanos.add(System.nanoTime() - start);
            } else {
                statistics.misses.increment();
            }
        }
        return result;
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        ensureOpen();
        for (K key : keys) {
            Objects.requireNonNull(key, "keys contains null");
        }
        removeKeys(new ArrayList<>(keys));
    }

    @Override
    public void removeAll() {
        ensureOpen();
        List<K> keys = new ArrayList<>();
        Iterator<Map.Entry<String, Snapshot>> it = store.entries();
        long now = System.currentTimeMillis();
        while (it.hasNext()) {
            Map.Entry<String, Snapshot> e = it.next();
            if (e.getValue().current && e.getValue().stamp != 0) {
                keys.add(decodeKey(e.getKey()));
            }
        }
        removeKeys(keys);
    }

    /** Writer first (what it fails to delete stays cached), then removal with REMOVED/EXPIRED events. */
    private void removeKeys(List<K> keys) {
        CacheException failure = null;
        Set<K> toRemove = new java.util.LinkedHashSet<>(keys);
        if (configuration.isWriteThrough() && writer != null && !keys.isEmpty()) {
            Collection<K> pending = new ArrayList<>(keys);
            try {
                writer.deleteAll(pending);
            } catch (CacheWriterException e) {
                failure = e;
            } catch (Exception e) {
                failure = new CacheWriterException("exception in CacheWriter", e);
            }
            toRemove.removeAll(pending);
        }
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        int removed = 0;
        for (K key : toRemove) {
            String k = k(key);
            for (;;) {
                long now = System.currentTimeMillis();
                Snapshot s = store.read(k, now);
                if (s.stamp == 0 || !s.current) {
                    break;
                }
                V old = valueOf(s);
                if (!store.commit(k, s, null, 0, now)) {
                    continue;
                }
                if (s.isExpired(now)) {
                    d.expired(key, old);
                } else {
                    d.removed(key, old);
                    removed++;
                }
                break;
            }
        }
        d.dispatch(listeners);
        if (statisticsEnabled && removed > 0) {
            statistics.removals.add(removed);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void clear() {
        ensureOpen();
        store.clear();
    }

    @SuppressWarnings("unchecked")
    private K decodeKey(String k) {
        return (K) store.codecs.decodeKey(k);
    }

    // ------------------------------------------------------------------ entry processors

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        String k = k(key);
        for (;;) {
            long start = nanos();
            long now = System.currentTimeMillis();
            EventDispatcher<K, V> d = new EventDispatcher<>(this);
            Snapshot s = store.read(k, now);
            if (s.isExpired(now)) {
                if (!expire(k, key, s, now, d)) {
                    continue;
                }
                s = store.read(k, now);
                if (s.isPresent(now)) {
                    continue;
                }
            }
            boolean present = s.isPresent(now);
            if (statisticsEnabled) {
                if (present) {
                    statistics.hits.increment();
                } else {
                    statistics.misses.increment();
                }
                statistics.getNanos.add(System.nanoTime() - start);
            }
            start = nanos();
            ProcessorEntry entry = new ProcessorEntry(key, present ? valueOf(s) : null, present);
            T result;
            try {
                result = entryProcessor.process(entry, arguments);
            } catch (CacheException e) {
                throw e;
            } catch (Exception e) {
                throw new EntryProcessorException(e);
            }
            boolean committed = true;
            switch (entry.operation) {
                case NONE:
                    break;
                case ACCESS:
                    touch(k, s, now);
                    break;
                case CREATE:
                case LOAD: {
                    if (entry.operation == Operation.CREATE) {
                        write(key, entry.value);
                    }
                    long exp = creationExpiry(now);
                    if (exp <= now) {
                        d.expired(key, entry.value);
                        break;
                    }
                    committed = store.commit(k, s, entry.value, exp, now);
                    if (committed) {
                        d.created(key, entry.value);
                        if (statisticsEnabled && entry.operation == Operation.CREATE) {
                            statistics.puts.increment();
                            statistics.putNanos.add(System.nanoTime() - start);
                        }
                    }
                    break;
                }
                case UPDATE: {
                    V old = entry.original;
                    write(key, entry.value);
                    long exp = updateExpiry(now, s.expireAt);
                    committed = store.commit(k, s, entry.value, exp, now);
                    if (committed) {
                        d.updated(key, entry.value, old);
                        if (statisticsEnabled) {
                            statistics.puts.increment();
                            statistics.putNanos.add(System.nanoTime() - start);
                        }
                    }
                    break;
                }
                case REMOVE: {
                    delete(key);
                    V old = entry.original;
                    committed = !present || store.commit(k, s, null, 0, now);
                    if (committed) {
                        if (present) {
                            d.removed(key, old);
                        }
                        if (statisticsEnabled) {
                            statistics.removals.increment();
                            statistics.removeNanos.add(System.nanoTime() - start);
                        }
                    }
                    break;
                }
                default:
                    break;
            }
            if (!committed) {
                continue;
            }
            d.dispatch(listeners);
            return result;
        }
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor,
                                                         Object... arguments) {
        ensureOpen();
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        for (K key : keys) {
            Objects.requireNonNull(key, "keys contains null");
        }
        Map<K, EntryProcessorResult<T>> results = new HashMap<>();
        for (K key : keys) {
            try {
                T t = invoke(key, entryProcessor, arguments);
                if (t != null) {
                    results.put(key, () -> t);
                }
            } catch (Exception e) {
                EntryProcessorException ex = e instanceof EntryProcessorException ? (EntryProcessorException) e
                        : new EntryProcessorException(e);
                results.put(key, () -> {
                    throw ex;
                });
            }
        }
        return results;
    }

    enum Operation { NONE, ACCESS, CREATE, LOAD, UPDATE, REMOVE }

    /** The entry an entry processor sees; records what it did so that {@link #invoke} can apply it. */
    private final class ProcessorEntry implements MutableEntry<K, V> {
        private final K key;
        final V original;
        private final boolean existed;
        V value;
        Operation operation = Operation.NONE;

        ProcessorEntry(K key, V original, boolean existed) {
            this.key = key;
            this.original = original;
            this.existed = existed;
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            if (operation == Operation.NONE) {
                value = existed ? original : null;
            }
            if (value != null) {
                if (operation == Operation.NONE) {
                    operation = Operation.ACCESS;
                }
            } else if (configuration.isReadThrough() && loader != null) {
                value = load(key);
                if (value != null) {
                    operation = Operation.LOAD;
                }
            }
            return value;
        }

        @Override
        public boolean exists() {
            return (operation == Operation.NONE && existed) || value != null;
        }

        @Override
        public void remove() {
            operation = operation == Operation.CREATE || operation == Operation.LOAD ? Operation.NONE : Operation.REMOVE;
            value = null;
        }

        @Override
        public void setValue(V v) {
            Objects.requireNonNull(v, "value");
            operation = existed ? Operation.UPDATE : Operation.CREATE;
            value = v;
        }

        @Override
        public <T> T unwrap(Class<T> clazz) {
            throw new IllegalArgumentException("cannot unwrap a processor entry to " + clazz);
        }
    }

    // ------------------------------------------------------------------ iteration

    @Override
    public Iterator<Cache.Entry<K, V>> iterator() {
        ensureOpen();
        return new EntryIterator(store.entries());
    }

    private final class EntryIterator implements Iterator<Cache.Entry<K, V>> {
        private final Iterator<Map.Entry<String, Snapshot>> source;
        private final long now = System.currentTimeMillis();
        private Cache.Entry<K, V> next;
        private Cache.Entry<K, V> last;

        EntryIterator(Iterator<Map.Entry<String, Snapshot>> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            while (next == null && source.hasNext()) {
                long start = nanos();
                Map.Entry<String, Snapshot> e = source.next();
                Snapshot s = e.getValue();
                if (!s.isPresent(now)) {
                    continue;
                }
                next = new SimpleEntry<>(decodeKey(e.getKey()), valueOf(s));
                touch(e.getKey(), s, now);
                if (statisticsEnabled) {
                    statistics.hits.increment();
                    statistics.getNanos.add(System.nanoTime() - start);
                }
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
            long start = nanos();
            String k = k(key);
            delete(key);
            EventDispatcher<K, V> d = new EventDispatcher<>(TwoTierJCache.this);
            for (;;) {
                long t = System.currentTimeMillis();
                Snapshot s = store.read(k, t);
                if (s.stamp == 0 || !s.current) {
                    break;
                }
                V old = valueOf(s);
                if (!store.commit(k, s, null, 0, t)) {
                    continue;
                }
                d.removed(key, old);
                if (statisticsEnabled) {
                    statistics.removals.increment();
                    statistics.removeNanos.add(System.nanoTime() - start);
                }
                break;
            }
            d.dispatch(listeners);
        }
    }

    // ------------------------------------------------------------------ administration

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    @Override
    public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
        if (clazz.isInstance(configuration)) {
            return clazz.cast(configuration);
        }
        throw new IllegalArgumentException("configuration class " + clazz + " is not supported");
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        ensureOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
        listeners.add(new ListenerRegistration<>(listenerConfiguration));
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        ensureOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        for (ListenerRegistration<K, V> r : listeners) {
            if (listenerConfiguration.equals(r.configuration)) {
                listeners.remove(r);
                configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
            }
        }
    }

    void setStatisticsEnabled(boolean enabled) {
        if (enabled) {
            MBeans.register(this, "CacheStatistics", statistics);
        } else {
            MBeans.unregister(this, "CacheStatistics");
        }
        configuration.setStatisticsEnabled(enabled);
        statisticsEnabled = enabled;
    }

    void setManagementEnabled(boolean enabled) {
        if (enabled) {
            MBeans.register(this, "CacheConfiguration", configBean);
        } else {
            MBeans.unregister(this, "CacheConfiguration");
        }
        configuration.setManagementEnabled(enabled);
    }

    @Override
    public void close() {
        closeLocal(true);
    }

    /** Closes this node's handle; the entries stay in L2 for the other nodes. */
    synchronized void closeLocal(boolean release) {
        if (closed) {
            return;
        }
        closed = true;
        if (release) {
            manager.release(this);
        }
        try {
            setStatisticsEnabled(false);
            setManagementEnabled(false);
        } catch (RuntimeException e) {
            LOG.debug("unregistering MXBeans of {}", name, e);
        }
        closeQuietly(loader);
        closeQuietly(writer);
        closeQuietly(expiryPolicy);
        for (ListenerRegistration<K, V> r : listeners) {
            closeQuietly(r.listener);
        }
        manager.node().closeStore(store);
    }

    private void closeQuietly(Object o) {
        if (o instanceof Closeable) {
            try {
                ((Closeable) o).close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("closing {} of cache {}", o.getClass().getName(), name, e);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isAssignableFrom(getClass())) {
            return clazz.cast(this);
        }
        throw new IllegalArgumentException("cannot unwrap cache " + name + " to " + clazz);
    }

    @Override
    public String toString() {
        return "TwoTierJCache[" + name + "]";
    }
}
