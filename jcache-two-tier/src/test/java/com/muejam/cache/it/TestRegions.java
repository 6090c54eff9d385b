package com.muejam.cache.it;

import com.muejam.cache.TwoTierCacheConfig;

/** Region names the tests and benchmarks use; to the library they are names like any other. */
public final class TestRegions {

    public static final String DEFAULT = TwoTierCacheConfig.DEFAULT_REGION;
    public static final String USER_PROFILE = "user_profile";
    public static final String STORY_LISTING = "story_listing";
    public static final String SEARCH_RESULTS = "search_results";
    public static final String STORIES = "stories";
    public static final String USERS = "users";

    private TestRegions() {
    }
}
