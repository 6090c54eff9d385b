package com.muejam.infrastructure.caching;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.application.caching.CachedQuery;
import com.muejam.cache.KeyGenerator;
import com.muejam.cache.QueryCache;

/**
 * Serves {@link CachedQuery} methods from the cache: L1, then L2, then the method. It runs before the routing
 * interceptor ({@code PLATFORM_BEFORE + 100}), so a hit takes no route, no connection and no transaction.
 *
 * <p>One exception: a caller that must see a write committed less than {@code CACHE_REPLICA_GRACE_MS} ago
 * ({@link ReadFreshness}: a client sending its read-your-writes token, or a request that has just written) goes
 * past the cache to the method, whose read the routing sends to the primary or to a replica that has replayed
 * the write. Within that window a cached value may have been filled from a replica that had not (the second,
 * delayed invalidation in {@link AfterCommitInvalidation} removes it for everybody else).
 */
@CachedQuery
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class CachedQueryInterceptor {

    @Inject
    @AppCache
    QueryCache cache;

    @Inject
    Instance<ReadFreshness> freshness;

    @Inject
    CacheMetrics metrics;

    @Inject
    @ConfigProperty(name = "CACHE_REPLICA_GRACE_MS", defaultValue = "1000")
    long replicaGraceMs;

    @AroundInvoke
    public Object cached(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        CachedQuery spec = method.getAnnotation(CachedQuery.class);
        if (spec == null) {
            spec = method.getDeclaringClass().getAnnotation(CachedQuery.class);
        }
        if (mustBypass()) {
            metrics.bypassed();
            return invocation.proceed();
        }
        Object[] args = invocation.getParameters();
        String key = KeyGenerator.forMethod(method, args);
        List<String> tags = resolveTags(spec.tags(), args);
        if (method.getReturnType() == Optional.class) {
            // Optional is not serializable: cache the value, re-wrap on the way out; empty is not cached
            Object value = cache.get(spec.region(), key, tags, () -> ((Optional<?>) invocation.proceed()).orElse(null));
            return Optional.ofNullable(value);
        }
        return cache.get(spec.region(), key, tags, invocation::proceed);
    }

    private boolean mustBypass() {
        if (!freshness.isResolvable()) {
            return false;
        }
        long age = freshness.get().requiredWriteAgeNanos();
        return age != ReadFreshness.NONE && age < TimeUnit.MILLISECONDS.toNanos(replicaGraceMs);
    }

    static List<String> resolveTags(String[] templates, Object[] args) {
        List<String> tags = new ArrayList<>(templates.length);
        for (String template : templates) {
            String tag = template;
            for (int i = 0; i < args.length && tag.indexOf('{') >= 0; i++) {
                tag = tag.replace("{" + i + "}", String.valueOf(args[i]));
            }
            tags.add(tag);
        }
        return tags;
    }
}
