package com.muejam.infrastructure.routing;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a class or method whose database work may be served by a read replica. The route is decided by
 * {@link ReadOnlyInterceptor} before the method runs, so no connection is taken before the route is known.
 * Writes inside such a method fail fast with {@link ReadOnlyViolationException}.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface ReadOnly {
}
