package com.muejam.cache.internal;

import com.muejam.cache.internal.CacheStore.Snapshot;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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

    private final CacheOwner owner;
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
    TwoTierJCache(CacheOwner owner, String name, Configuration<K, V> config, CacheStore store) {
        this.owner = owner;
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
        owner.executeLoad(() -> {
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

    // ------------------------------------------------------------------ the write template

    /** What an attempt returns when it lost a compare-and-set (or saw the entry change) and must re-run. */
    private static final Object RETRY = new Object();
    /** {@link #putEntry}: the entry was created. */
    private static final Object CREATED = new Object();
    /** {@link #putEntry}: nothing was stored (present and not to be replaced, or expired on creation). */
    private static final Object SKIPPED = new Object();

    /** One try of a write on the state at {@code now}: a result, or {@link #RETRY}. */
    @FunctionalInterface
    private interface Attempt {
        Object at(long now);
    }

    /**
     * Every write runs here: the attempt is re-run on fresh state until it does not lose a race with another
     * writer (so a writer or an entry processor may run again).
     */
    @SuppressWarnings("unchecked")
    private static <R> R untilWon(Attempt attempt) {
        for (;;) {
            Object r = attempt.at(System.currentTimeMillis());
            if (r != RETRY) {
                return (R) r;
            }
        }
    }

    /** Runs an operation with an event collector, then delivers what it recorded (not when it throws). */
    private <R> R withEvents(Function<EventDispatcher<K, V>, R> op) {
        EventDispatcher<K, V> d = new EventDispatcher<>(this);
        R r = op.apply(d);
        d.dispatch(listeners);
        return r;
    }

    /** The key's state with an expired entry removed (and reported); null when it changed meanwhile. */
    private Snapshot unexpired(String k, K key, long now, EventDispatcher<K, V> d) {
        Snapshot s = store.read(k, now);
        if (s.isExpired(now)) {
            if (!expire(k, key, s, now, d)) {
                return null;
            }
            s = store.read(k, now);
            if (s.isPresent(now)) {
                return null;
            }
        }
        return s;
    }

    /**
     * Creates or (if {@code replace}) updates the entry, with the writer first when {@code writeThrough}:
     * {@link #CREATED}, the replaced value, or {@link #SKIPPED}.
     */
    private Object putEntry(String k, K key, V value, boolean writeThrough, boolean replace, EventDispatcher<K, V> d) {
        return untilWon(now -> {
            Snapshot s = unexpired(k, key, now, d);
            if (s == null) {
                return RETRY;
            }
            boolean present = s.isPresent(now);
            if (present && !replace) {
                return SKIPPED;
            }
            if (writeThrough) {
                write(key, value);
            }
            if (!present) {
                long exp = creationExpiry(now);
                if (exp <= now) {
                    d.expired(key, value);
                    return SKIPPED;
                }
                if (!store.commit(k, s, value, exp, now)) {
                    return RETRY;
                }
                d.created(key, value);
                return CREATED;
            }
            V old = valueOf(s);
            return update(k, key, s, old, value, now, d) ? old : RETRY;
        });
    }

    /** Replaces a present entry's value (update expiry); false when the compare-and-set lost. */
    private boolean update(String k, K key, Snapshot s, V old, V value, long now, EventDispatcher<K, V> d) {
        if (!store.commit(k, s, value, updateExpiry(now, s.expireAt), now)) {
            return false;
        }
        d.updated(key, value, old);
        return true;
    }

    /** Removes a present entry; false when the compare-and-set lost. */
    private boolean erase(String k, K key, Snapshot s, V old, long now, EventDispatcher<K, V> d) {
        if (!store.commit(k, s, null, 0, now)) {
            return false;
        }
        d.removed(key, old);
        return true;
    }

    private String checkedKey(K key, V value) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkTypes(key, value);
        return k(key);
    }

    private void countHit(boolean hit) {
        if (statisticsEnabled) {
            (hit ? statistics.hits : statistics.misses).increment();
        }
    }

    private void countGet(long start) {
        if (statisticsEnabled) {
            statistics.getNanos.add(System.nanoTime() - start);
        }
    }

    private void countPuts(int puts, long start) {
        if (statisticsEnabled && puts > 0) {
            statistics.puts.add(puts);
            statistics.putNanos.add(System.nanoTime() - start);
        }
    }

    private void countRemovals(int removals, long start) {
        if (statisticsEnabled && removals > 0) {
            statistics.removals.add(removals);
            statistics.removeNanos.add(System.nanoTime() - start);
        }
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void put(K key, V value) {
        String k = checkedKey(key, value);
        long start = nanos();
        Object r = withEvents(d -> putEntry(k, key, value, true, true, d));
        countPuts(r == SKIPPED ? 0 : 1, start);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getAndPut(K key, V value) {
        String k = checkedKey(key, value);
        long start = nanos();
        Object r = withEvents(d -> putEntry(k, key, value, true, true, d));
        V old = r == CREATED || r == SKIPPED ? null : (V) r;
        countHit(old != null);
        countGet(start);
        countPuts(r == SKIPPED ? 0 : 1, start);
        return old;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        ensureOpen();
        putAll(map, true, true);
    }

    /** {@code useWriteThrough} false: values from the loader ({@link #loadAll}), neither written nor counted. */
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
        Set<K> keysToPut = new LinkedHashSet<>(map.keySet());
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
        int puts = withEvents(d -> {
            int n = 0;
            for (K key : keysToPut) {
                if (putEntry(k(key), key, map.get(key), false, replaceExisting, d) != SKIPPED && useWriteThrough) {
                    n++;
                }
            }
            return n;
        });
        countPuts(puts, start);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        String k = checkedKey(key, value);
        long start = nanos();
        boolean created = withEvents(d -> putEntry(k, key, value, true, false, d)) == CREATED;
        countHit(!created);
        countPuts(created ? 1 : 0, start);
        return created;
    }

    @Override
    public boolean remove(K key) {
        return removeCounted(key, false) != null;
    }

    @Override
    public V getAndRemove(K key) {
        return removeCounted(key, true);
    }

    /** {@code asGet}: also counted as a read (getAndRemove). */
    private V removeCounted(K key, boolean asGet) {
        ensureOpen();
        long start = nanos();
        String k = k(key);
        V old = withEvents(d -> removeEntry(key, k, d));
        if (asGet) {
            countGet(start);
            countHit(old != null);
        }
        countRemovals(old != null ? 1 : 0, start);
        return old;
    }

    /** Writer first, then removal of whatever is present: the removed value, or null when there was none. */
    private V removeEntry(K key, String k, EventDispatcher<K, V> d) {
        delete(key);
        return untilWon(now -> {
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                return null;
            }
            V old = valueOf(s);
            return erase(k, key, s, old, now, d) ? old : RETRY;
        });
    }

    @Override
    public boolean remove(K key, V oldValue) {
        return ifValueIs(key, oldValue, null);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        ensureOpen();
        Objects.requireNonNull(newValue, "newValue");
        return ifValueIs(key, oldValue, newValue);
    }

    /**
     * {@code remove(key, expected)} ({@code newValue} null) and {@code replace(key, expected, newValue)}: true when
     * done; a differing value counts as an access (a hit), no entry as a miss.
     */
    private boolean ifValueIs(K key, V expected, V newValue) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "oldValue");
        long start = nanos();
        String k = k(key);
        Boolean done = withEvents(d -> untilWon(now -> {
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                return null;
            }
            if (!valueOf(s).equals(expected)) {
                touch(k, s, now);
                return false;
            }
            if (newValue == null) {
                delete(key);
                return erase(k, key, s, expected, now, d) ? Boolean.TRUE : RETRY;
            }
            write(key, newValue);
            return update(k, key, s, expected, newValue, now, d) ? Boolean.TRUE : RETRY;
        }));
        int applied = Boolean.TRUE.equals(done) ? 1 : 0;
        if (newValue == null) {
            countRemovals(applied, start);
        } else {
            countPuts(applied, start);
        }
        countGet(start);
        countHit(done != null);
        return applied == 1;
    }

    @Override
    public boolean replace(K key, V value) {
        return getAndReplace(key, value) != null;
    }

    @Override
    public V getAndReplace(K key, V value) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long start = nanos();
        String k = k(key);
        V old = withEvents(d -> untilWon(now -> {
            Snapshot s = store.read(k, now);
            if (!s.isPresent(now)) {
                return null;
            }
            V current = valueOf(s);
            write(key, value);
            return update(k, key, s, current, value, now, d) ? current : RETRY;
        }));
        countGet(start);
        countHit(old != null);
        countPuts(old != null ? 1 : 0, start);
        return old;
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
        Set<K> toRemove = new LinkedHashSet<>(keys);
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
        int removed = withEvents(d -> {
            int n = 0;
            for (K key : toRemove) {
                if (dropHeld(k(key), key, false, d)) {
                    n++;
                }
            }
            return n;
        });
        if (statisticsEnabled && removed > 0) {
            statistics.removals.add(removed);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Drops whatever entry this node holds for the key, expired or not: true if a live entry was removed. An expired
     * one is reported as EXPIRED, unless {@code asRemoved} (iterator removal).
     */
    private boolean dropHeld(String k, K key, boolean asRemoved, EventDispatcher<K, V> d) {
        return untilWon(now -> {
            Snapshot s = store.read(k, now);
            if (s.stamp == 0 || !s.current) {
                return false;
            }
            V old = valueOf(s);
            if (!store.commit(k, s, null, 0, now)) {
                return RETRY;
            }
            if (s.isExpired(now) && !asRemoved) {
                d.expired(key, old);
                return false;
            }
            d.removed(key, old);
            return true;
        });
    }

    @Override
    public void clear() {
        ensureOpen();
        store.clear();
    }

    @SuppressWarnings("unchecked")
    K decodeKey(String k) {
        return (K) store.codecs.decodeKey(k);
    }

    // ------------------------------------------------------------------ entry processors

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        String k = k(key);
        Function<K, V> readThrough = configuration.isReadThrough() && loader != null ? this::load : null;
        return untilWon(now -> {
            long start = nanos();
            // events of an attempt that loses are dropped with it
            EventDispatcher<K, V> d = new EventDispatcher<>(this);
            Snapshot s = unexpired(k, key, now, d);
            if (s == null) {
                return RETRY;
            }
            boolean present = s.isPresent(now);
            countHit(present);
            countGet(start);
            ProcessorEntry<K, V> entry = new ProcessorEntry<>(key, present ? valueOf(s) : null, present, readThrough);
            long processStart = nanos();
            T result;
            try {
                result = entryProcessor.process(entry, arguments);
            } catch (CacheException e) {
                throw e;
            } catch (Exception e) {
                throw new EntryProcessorException(e);
            }
            if (!apply(k, key, s, present, entry, now, processStart, d)) {
                return RETRY;
            }
            d.dispatch(listeners);
            return result;
        });
    }

    /** Applies what the entry processor did; false when the compare-and-set lost (the processor runs again). */
    private boolean apply(String k, K key, Snapshot s, boolean present, ProcessorEntry<K, V> entry, long now,
                          long start, EventDispatcher<K, V> d) {
        switch (entry.operation) {
            case ACCESS:
                touch(k, s, now);
                return true;
            case CREATE:
            case LOAD: {
                if (entry.operation == ProcessorEntry.Operation.CREATE) {
                    write(key, entry.value);
                }
                long exp = creationExpiry(now);
                if (exp <= now) {
                    d.expired(key, entry.value);
                    return true;
                }
                if (!store.commit(k, s, entry.value, exp, now)) {
                    return false;
                }
                d.created(key, entry.value);
                countPuts(entry.operation == ProcessorEntry.Operation.CREATE ? 1 : 0, start);
                return true;
            }
            case UPDATE:
                write(key, entry.value);
                if (!update(k, key, s, entry.original, entry.value, now, d)) {
                    return false;
                }
                countPuts(1, start);
                return true;
            case REMOVE:
                delete(key);
                if (present && !erase(k, key, s, entry.original, now, d)) {
                    return false;
                }
                countRemovals(1, start);
                return true;
            default:
                return true;
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

    // ------------------------------------------------------------------ iteration

    @Override
    public Iterator<Cache.Entry<K, V>> iterator() {
        ensureOpen();
        long now = System.currentTimeMillis();
        return new EntryIterator<>(store.entries(), e -> visit(e.getKey(), e.getValue(), now), this::removeVisited);
    }

    /** The live entry an iteration yields for this state (an access: a hit), or null to skip it. */
    private Cache.Entry<K, V> visit(String k, Snapshot s, long now) {
        long start = nanos();
        if (!s.isPresent(now)) {
            return null;
        }
        Cache.Entry<K, V> entry = new SimpleEntry<>(decodeKey(k), valueOf(s));
        touch(k, s, now);
        countHit(true);
        countGet(start);
        return entry;
    }

    /** {@code Iterator.remove()}: writer first, then whatever this node holds goes (reported as REMOVED). */
    private void removeVisited(K key) {
        long start = nanos();
        String k = k(key);
        delete(key);
        boolean removed = withEvents(d -> dropHeld(k, key, true, d));
        countRemovals(removed ? 1 : 0, start);
    }

    // ------------------------------------------------------------------ administration

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return owner.cacheManager();
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
            owner.release(this);
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
        owner.closeStore(store);
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
