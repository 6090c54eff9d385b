/**
 * The two-tier JSR-107 provider. Only the API package is exported; the implementation
 * ({@code com.muejam.cache.internal}) stays inside the module.
 */
module com.muejam.cache {
    requires transitive cache.api;
    requires ehcache;
    requires redisson;
    requires org.slf4j;
    requires java.management;

    exports com.muejam.cache;

    provides javax.cache.spi.CachingProvider with com.muejam.cache.TwoTierCachingProvider;
}
