package com.muejam.cache.internal;

import com.muejam.cache.TwoTierCacheManager;
import java.net.URI;
import java.util.Properties;
import javax.cache.spi.CachingProvider;

/**
 * The one public type of the implementation: how {@link com.muejam.cache.TwoTierCachingProvider} opens a node.
 * It hands out the API type only; everything else in this package is package-private.
 */
public final class Managers {

    private Managers() {
    }

    /** A new node for {@code uri}; {@code onClose} runs when it is closed (the provider forgets it then). */
    public static TwoTierCacheManager open(CachingProvider provider, URI uri, ClassLoader classLoader,
                                           Properties properties, Runnable onClose) {
        return new TwoTierCacheManagerImpl(provider, uri, classLoader, properties, onClose);
    }
}
