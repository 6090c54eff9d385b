package com.muejam.application.caching;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Caches a method's result in the two-tier cache under a key made of the method and its arguments (stable
 * across nodes and restarts, bounded in length). {@code tags} name what the result depends on, written with the
 * {@link CacheTags} constants; a tag may refer to an argument by position, e.g. {@code CacheTags.STORY + "{0}"}.
 * Writes to entities invalidate their tags after commit ({@link CacheTags#of(Object)}, {@link CacheInvalidation}).
 * An empty {@code Optional} or {@code null} result is not cached. The infrastructure's caching interceptor binds
 * to this annotation.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface CachedQuery {

    /** The cache region, one of {@link Regions}. */
    @Nonbinding
    String region() default Regions.DEFAULT;

    /** Tags the result depends on ({@link CacheTags}); {@code {n}} is replaced by argument n. */
    @Nonbinding
    String[] tags() default {};
}
