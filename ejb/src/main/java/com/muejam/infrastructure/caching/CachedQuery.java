package com.muejam.infrastructure.caching;

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
 * across nodes and restarts, bounded in length). {@code tags} name what the result depends on; a tag may refer
 * to an argument by position, e.g. {@code "story:{0}"}. Writes to entities invalidate their tags after commit
 * (see {@link AfterCommitInvalidation}). An empty {@code Optional} or {@code null} result is not cached.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface CachedQuery {

    /** The cache region, e.g. {@code story_listing}. */
    @Nonbinding
    String region() default "default";

    /** Tags the result depends on; {@code {n}} is replaced by argument n. */
    @Nonbinding
    String[] tags() default {};
}
