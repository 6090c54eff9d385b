package com.muejam.infrastructure.caching;

import java.net.URI;

import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.muejam.application.caching.Regions;
import com.muejam.cache.QueryCache;
import com.muejam.cache.TwoTierCacheConfig;
import com.muejam.cache.TwoTierCacheManager;
import com.muejam.cache.TwoTierCachingProvider;

/**
 * Produces the two-tier cache from the environment ({@code VALKEY_URL}, {@code L1_CACHE_MAX_SIZE},
 * {@code L1_CACHE_DEFAULT_TTL}, {@code L2_CACHE_TTL_<REGION>} …; system properties of the same names win), with
 * the application's {@link Regions} declared: the cache library knows no region names of its own.
 * The provider is always named by class: with a second JCache provider on the class path (Payara's), the
 * no-argument {@code Caching.getCachingProvider()} would fail.
 */
@ApplicationScoped
public class CacheProducer {

    @Produces
    @AppCache
    @ApplicationScoped
    TwoTierCacheManager cacheManager() {
        ClassLoader loader = TwoTierCachingProvider.class.getClassLoader();
        CachingProvider provider = Caching.getCachingProvider(TwoTierCachingProvider.class.getName(), loader);
        return (TwoTierCacheManager) provider.getCacheManager(URI.create("muejam:app-cache"), loader,
                TwoTierCacheConfig.fromEnvironment().toBuilder().regions(Regions.PRESETS).build().toProperties());
    }

    @Produces
    @AppCache
    QueryCache queryCache(@AppCache TwoTierCacheManager manager) {
        return manager.queryCache();
    }

    void close(@Disposes @AppCache TwoTierCacheManager manager) {
        manager.close();
    }
}
