package com.muejam.application.caching;

import java.util.List;

/**
 * The application's cache regions. Each is a region of the two-tier cache with its own L2 TTL
 * ({@code L2_CACHE_TTL_<NAME>}, the default TTL unless configured); the cache producer hands {@link #PRESETS} to the
 * cache library, which knows no region names of its own but {@code default}.
 */
public final class Regions {

    /** Fallback region, and the TTL of names without settings of their own (the cache library's {@code default}). */
    public static final String DEFAULT = "default";
    /** Profile queries (a user's public profile, counts). */
    public static final String USER_PROFILE = "user_profile";
    /** Story listings (feeds, featured, by author). */
    public static final String STORY_LISTING = "story_listing";
    /** Search results. */
    public static final String SEARCH_RESULTS = "search_results";
    /** Stories by id (entity cache). */
    public static final String STORIES = "stories";
    /** Users by id (entity cache). */
    public static final String USERS = "users";

    /** All region names, in a stable order. */
    public static final List<String> PRESETS = List.of(DEFAULT, USER_PROFILE, STORY_LISTING, SEARCH_RESULTS, STORIES, USERS);

    private Regions() {
    }
}
