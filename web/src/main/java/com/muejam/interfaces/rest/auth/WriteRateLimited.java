package com.muejam.interfaces.rest.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a write endpoint whose calls count against the caller's write rate limit (per user when signed in, per
 * address otherwise), kept in {@code rate_limit_entries}; over the limit the answer is 429 with
 * {@code Retry-After}. {@code value} names the limit (e.g. {@code "story.create"}); limits are configured per name.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WriteRateLimited {
    String value() default "write";
}
