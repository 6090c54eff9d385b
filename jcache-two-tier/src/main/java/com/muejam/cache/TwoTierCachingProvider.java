package com.muejam.cache;

import com.muejam.cache.internal.Managers;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * The two-tier JSR-107 provider: Ehcache 3 on heap (L1) in front of Redis through Redisson (L2), kept coherent
 * across nodes by versioned invalidation over pub/sub.
 *
 * <p>Always look it up by class name, {@code Caching.getCachingProvider(TwoTierCachingProvider.class.getName())}:
 * with another provider on the class path the no-argument lookup fails. Each cache manager is one node with its
 * own Redis client; its settings come from the properties given to {@link #getCacheManager(URI, ClassLoader,
 * Properties)}, then system properties and environment variables (see {@link TwoTierCacheConfig}).
 */
public final class TwoTierCachingProvider implements CachingProvider {

    /** Default manager URI. */
    public static final URI DEFAULT_URI = URI.create("muejam:two-tier-cache");

    private final WeakHashMap<ClassLoader, Map<URI, TwoTierCacheManager>> managers = new WeakHashMap<>();

    /**
     * The manager for {@code config} from the registered provider instance (shared with {@code Caching}), at
     * {@link #DEFAULT_URI} in this class's class loader.
     */
    public static TwoTierCacheManager cacheManager(TwoTierCacheConfig config) {
        return cacheManager(DEFAULT_URI, config);
    }

    /** As {@link #cacheManager(TwoTierCacheConfig)} at {@code uri}: different URIs are different nodes. */
    public static TwoTierCacheManager cacheManager(URI uri, TwoTierCacheConfig config) {
        CachingProvider p = Caching.getCachingProvider(TwoTierCachingProvider.class.getName(),
                TwoTierCachingProvider.class.getClassLoader());
        return p.getCacheManager(uri, TwoTierCachingProvider.class.getClassLoader(), config.toProperties())
                .unwrap(TwoTierCacheManager.class);
    }

    @Override
    public synchronized CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        URI u = uri == null ? getDefaultURI() : uri;
        ClassLoader cl = classLoader == null ? getDefaultClassLoader() : classLoader;
        Map<URI, TwoTierCacheManager> byUri = managers.computeIfAbsent(cl, c -> new HashMap<>());
        TwoTierCacheManager m = byUri.get(u);
        if (m == null) {
            m = Managers.open(this, u, cl, properties == null ? getDefaultProperties() : properties,
                    () -> release(u, cl));
            byUri.put(u, m);
        }
        return m;
    }

    private synchronized void release(URI uri, ClassLoader cl) {
        Map<URI, TwoTierCacheManager> byUri = managers.get(cl);
        if (byUri != null) {
            byUri.remove(uri);
            if (byUri.isEmpty()) {
                managers.remove(cl);
            }
        }
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
        return getCacheManager(uri, classLoader, getDefaultProperties());
    }

    @Override
    public CacheManager getCacheManager() {
        return getCacheManager(getDefaultURI(), getDefaultClassLoader(), null);
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public URI getDefaultURI() {
        return DEFAULT_URI;
    }

    @Override
    public Properties getDefaultProperties() {
        return new Properties();
    }

    @Override
    public void close() {
        Map<ClassLoader, Map<URI, TwoTierCacheManager>> all;
        synchronized (this) {
            all = new HashMap<>(managers);
        }
        for (Map<URI, TwoTierCacheManager> byUri : all.values()) {
            for (TwoTierCacheManager m : new ArrayList<>(byUri.values())) {
                m.close();
            }
        }
    }

    @Override
    public void close(ClassLoader classLoader) {
        ClassLoader cl = classLoader == null ? getDefaultClassLoader() : classLoader;
        Map<URI, TwoTierCacheManager> byUri;
        synchronized (this) {
            byUri = managers.get(cl);
            byUri = byUri == null ? Map.of() : new HashMap<>(byUri);
        }
        for (TwoTierCacheManager m : byUri.values()) {
            m.close();
        }
    }

    @Override
    public void close(URI uri, ClassLoader classLoader) {
        URI u = uri == null ? getDefaultURI() : uri;
        ClassLoader cl = classLoader == null ? getDefaultClassLoader() : classLoader;
        TwoTierCacheManager m;
        synchronized (this) {
            Map<URI, TwoTierCacheManager> byUri = managers.get(cl);
            m = byUri == null ? null : byUri.get(u);
        }
        if (m != null) {
            m.close();
        }
    }

    @Override
    public boolean isSupported(OptionalFeature optionalFeature) {
        return optionalFeature == OptionalFeature.STORE_BY_REFERENCE;
    }
}
