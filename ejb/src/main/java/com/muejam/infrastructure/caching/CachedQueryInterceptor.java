package com.muejam.infrastructure.caching;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import com.muejam.cache.KeyGenerator;
import com.muejam.cache.QueryCache;

/**
 * Serves {@link CachedQuery} methods from the cache: L1, then L2, then the method. It runs before the routing
 * interceptor ({@code PLATFORM_BEFORE + 100}), so a hit takes no route, no connection and no transaction.
 */
@CachedQuery
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class CachedQueryInterceptor {

    @Inject
    @AppCache
    QueryCache cache;

    @AroundInvoke
    public Object cached(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        CachedQuery spec = method.getAnnotation(CachedQuery.class);
        if (spec == null) {
            spec = method.getDeclaringClass().getAnnotation(CachedQuery.class);
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
