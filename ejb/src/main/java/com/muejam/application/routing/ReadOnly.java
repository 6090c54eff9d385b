package com.muejam.application.routing;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a class or method whose database work only reads, so it may be served by a read replica. The
 * infrastructure's routing interceptor binds to this annotation and fixes the route before the method runs, so
 * no connection is taken before the route is known; a write inside such a method fails fast, before any SQL is
 * sent.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface ReadOnly {
}
