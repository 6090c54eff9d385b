/**
 * What the application services need from the cache, owned by the application: the region names (and so their
 * TTL settings). Infrastructure hands them to the cache library.
 */
package com.muejam.application.caching;
