package com.muejam.cache;

import java.util.List;

/**
 * Names of the preset regions. Each is a {@code javax.cache.Cache<String, Object>} of the two-tier cache manager
 * with its own L2 TTL ({@code L2_CACHE_TTL_<NAME>}, 300 s unless configured). Any other name works too and gets
 * the {@link #DEFAULT} region's TTL.
 */
public final class Regions {

    /** Fallback region and TTL for names that have no settings of their own. */
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

    /** All preset region names, in a stable order. */
    public static final List<String> PRESETS = List.of(DEFAULT, USER_PROFILE, STORY_LISTING, SEARCH_RESULTS, STORIES, USERS);

    private Regions() {
    }
}
