package com.muejam.cache.internal;

import com.muejam.cache.BreakerState;
import com.muejam.cache.CacheStatistics;
import com.muejam.cache.QueryCache;
import com.muejam.cache.SharedMarks;
import com.muejam.cache.TwoTierCacheConfig;
import com.muejam.cache.TwoTierCacheManager;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A cache manager = one node of the two-tier cache (its own Redis client, L1 and invalidation subscription). */
final class TwoTierCacheManagerImpl implements TwoTierCacheManager, RegionCaches, CacheOwner {

    private static final Logger LOG = LoggerFactory.getLogger(TwoTierCacheManagerImpl.class);

    private final CachingProvider provider;
    private final URI uri;
    private final WeakReference<ClassLoader> classLoader;
    private final Properties properties;
    private final TwoTierCacheConfig config;
    private final Node node;
    private final ConcurrentHashMap<String, TwoTierJCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final ExecutorService loadExecutor;
    private final Runnable onClose;
    private volatile QueryCacheImpl queryCache;
    private volatile boolean closed;

    TwoTierCacheManagerImpl(CachingProvider provider, URI uri, ClassLoader classLoader, Properties properties,
                                   Runnable onClose) {
        this.provider = provider;
        this.uri = Objects.requireNonNull(uri, "uri");
        this.classLoader = new WeakReference<>(Objects.requireNonNull(classLoader, "classLoader"));
        this.properties = new Properties();
        if (properties != null) {
            this.properties.putAll(properties);
        }
        this.onClose = onClose;
        this.config = TwoTierCacheConfig.fromProperties(this.properties);
        this.node = new Node(config);
        this.loadExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "muejam-cache-load-" + node.id);
            t.setDaemon(true);
            return t;
        });
        LOG.debug("cache node {} started for {} ({})", node.id, uri, config);
    }

    public Node node() {
        return node;
    }

    @Override
    public CacheManager cacheManager() {
        return this;
    }

    @Override
    public void executeLoad(Runnable task) {
        loadExecutor.execute(task);
    }

    @Override
    public void closeStore(CacheStore store) {
        node.closeStore(store);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("cache manager " + uri + " is closed");
        }
    }

    @Override
    public CachingProvider getCachingProvider() {
        return provider;
    }

    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader.get();
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        ensureOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(configuration, "configuration");
        synchronized (caches) {
            if (caches.containsKey(cacheName)) {
                throw new CacheException("a cache named " + cacheName + " already exists");
            }
            TwoTierJCache<K, V> cache = newCache(cacheName, configuration);
            caches.put(cacheName, cache);
            return cache;
        }
    }

    private <K, V> TwoTierJCache<K, V> newCache(String name, Configuration<K, V> configuration) {
        ClassLoader cl = getClassLoader();
        CacheStore store = node.openStore(name, !configuration.isStoreByValue(),
                configuration.getKeyType() == String.class, config.l1MaxSize(),
                cl == null ? getClass().getClassLoader() : cl);
        try {
            return new TwoTierJCache<>(this, name, configuration, store);
        } catch (RuntimeException e) {
            node.closeStore(store);
            throw e;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
        ensureOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        TwoTierJCache<?, ?> cache = caches.get(cacheName);
        if (cache == null) {
            return null;
        }
        CompleteConfiguration<?, ?> c = cache.getConfiguration(CompleteConfiguration.class);
        if (!keyType.equals(c.getKeyType())) {
            throw new ClassCastException("cache " + cacheName + " has key type " + c.getKeyType() + ", not " + keyType);
        }
        if (!valueType.equals(c.getValueType())) {
            throw new ClassCastException("cache " + cacheName + " has value type " + c.getValueType() + ", not " + valueType);
        }
        return (Cache<K, V>) cache;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String cacheName) {
        ensureOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        return (Cache<K, V>) caches.get(cacheName);
    }

    @Override
    public Iterable<String> getCacheNames() {
        ensureOpen();
        return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
    }

    /** Closes the cache here and clears it in L2 (a generation bump: O(1), on every node). */
    @Override
    public void destroyCache(String cacheName) {
        withCache(cacheName, cache -> {
            cache.store().clear();
            cache.close();
        });
    }

    /** Runs {@code action} on the named cache, if this manager has it. */
    private void withCache(String cacheName, Consumer<TwoTierJCache<?, ?>> action) {
        ensureOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        TwoTierJCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            action.accept(cache);
        }
    }

    @Override
    public void release(Cache<?, ?> cache) {
        caches.remove(cache.getName(), cache);
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        withCache(cacheName, cache -> cache.setManagementEnabled(enabled));
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        withCache(cacheName, cache -> cache.setStatisticsEnabled(enabled));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        for (TwoTierJCache<?, ?> cache : new ArrayList<>(caches.values())) {
            try {
                cache.closeLocal(false);
            } catch (RuntimeException e) {
                LOG.warn("closing cache {}", cache.getName(), e);
            }
        }
        caches.clear();
        loadExecutor.shutdown();
        try {
            loadExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.close();
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
        throw new IllegalArgumentException("cannot unwrap cache manager to " + clazz);
    }

    // ------------------------------------------------------------------ two-tier API

    @Override
    public QueryCache queryCache() {
        ensureOpen();
        QueryCacheImpl q = queryCache;
        if (q == null) {
            synchronized (this) {
                if (queryCache == null) {
                    queryCache = new QueryCacheImpl(this);
                }
                q = queryCache;
            }
        }
        return q;
    }

    /** The region cache, created with the region's TTL on first use: by reference in L1, Serializable in L2. */
    @Override
    @SuppressWarnings("unchecked")
    public TwoTierJCache<String, Object> regionCache(String region) {
        ensureOpen();
        synchronized (caches) {
            TwoTierJCache<?, ?> existing = caches.get(region);
            if (existing != null) {
                return (TwoTierJCache<String, Object>) existing;
            }
            MutableConfiguration<String, Object> c = new MutableConfiguration<String, Object>()
                    .setTypes(String.class, Object.class)
                    .setStoreByValue(false)
                    .setStatisticsEnabled(true)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new Duration(TimeUnit.MILLISECONDS, config.l2Ttl(region).toMillis())));
            TwoTierJCache<String, Object> cache = newCache(region, c);
            caches.put(region, cache);
            return cache;
        }
    }

    @Override
    public long regionTtlMillis(String region) {
        return config.l2Ttl(region).toMillis();
    }

    @Override
    public void invalidateTagIds(List<String> tagIds) {
        node.bumpIds(tagIds);
    }

    @Override
    public TwoTierCacheConfig config() {
        return config;
    }

    @Override
    public String nodeId() {
        return node.id;
    }

    @Override
    public BreakerState l2State() {
        return node.breaker.state();
    }

    @Override
    public List<CacheStatistics> statistics() {
        List<CacheStatistics> out = new ArrayList<>();
        for (String name : caches.keySet()) {
            CacheStatistics s = statistics(name);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public CacheStatistics statistics(String cacheName) {
        TwoTierJCache<?, ?> cache = caches.get(cacheName);
        return cache == null ? null : Stats.of(cache.store(), node);
    }

    @Override
    public void flushLocal() {
        node.flushAll("requested");
    }

    @Override
    public SharedMarks marks(String name, java.time.Duration ttl) {
        return new L2Marks(node.l2, config().namespace(), name, ttl);
    }
}
