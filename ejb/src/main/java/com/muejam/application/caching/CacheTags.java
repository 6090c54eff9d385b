package com.muejam.application.caching;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.muejam.domain.privacy.PrivacySettings;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.story.Story;

/**
 * Every cache tag of the application, in one place. A tag names what a cached result depends on; a write
 * invalidates the tags of what it changed once its transaction has committed.
 *
 * <ul>
 * <li>The constants are the tags, or their prefixes ending in {@code :}. {@link CachedQuery#tags()} is written
 * with them: {@code CacheTags.STORY + "{0}"} is the tag of the story whose id is argument 0.</li>
 * <li>The methods ({@link #story(Object)}, {@link #blocks(long)} …) build a tag from a value, for the services
 * whose writes no entity listener sees (native SQL).</li>
 * <li>{@link #of(Object)} is the entity → tag map: the tags a change to a row of an entity invalidates. The
 * infrastructure's entity listener asks it for every insert, update and delete.</li>
 * </ul>
 */
public final class CacheTags {

    /** A story by id ({@code story:<id>}). */
    public static final String STORY = "story:";
    /** An author's story lists ({@code stories_by_author:<authorId>}). */
    public static final String STORIES_BY_AUTHOR = "stories_by_author:";
    /** Every feed and story search: any story change drops them all. */
    public static final String STORY_FEEDS = "story_feeds";
    /** A profile by user id ({@code profile:<id>}). */
    public static final String PROFILE = "profile:";
    /** A profile by username ({@code profile_username:<username>}). */
    public static final String PROFILE_USERNAME = "profile_username:";
    /** Every profile search: any profile or privacy change drops them all. */
    public static final String PROFILE_SEARCH = "profile_search";
    /** A user's privacy settings ({@code privacy:<userId>}). */
    public static final String PRIVACY = "privacy:";
    /** What a user's blocks decide, for the blocker and for the blocked user ({@code blocks:<userId>}). */
    public static final String BLOCKS = "blocks:";
    /** A session by token hash, hexadecimal ({@code session:<hash>}). */
    public static final String SESSION = "session:";
    /** Every session of a user ({@code user_sessions:<userId>}). */
    public static final String USER_SESSIONS = "user_sessions:";
    /** A user's notifications ({@code notifications:<recipientId>}). */
    public static final String NOTIFICATIONS = "notifications:";

    private static final Map<Class<?>, Function<Object, List<String>>> BY_ENTITY = Map.of(
            Story.class, entity(Story.class, s -> List.of(story(s.getId()), storiesByAuthor(s.getAuthorId()), STORY_FEEDS)),
            UserProfile.class, entity(UserProfile.class,
                    p -> List.of(profile(p.getId()), profileUsername(p.getUsername()), PROFILE_SEARCH)),
            PrivacySettings.class, entity(PrivacySettings.class, p -> List.of(privacy(p.getUserId()), PROFILE_SEARCH)));

    private CacheTags() {
    }

    /** The tags a change to a row of {@code entity} invalidates; empty for an entity no cached query reads. */
    public static List<String> of(Object entity) {
        Function<Object, List<String>> tags = BY_ENTITY.get(entity.getClass());
        return tags == null ? List.of() : tags.apply(entity);
    }

    public static String story(Object id) {
        return STORY + id;
    }

    public static String storiesByAuthor(long authorId) {
        return STORIES_BY_AUTHOR + authorId;
    }

    public static String profile(Object userId) {
        return PROFILE + userId;
    }

    public static String profileUsername(String username) {
        return PROFILE_USERNAME + username;
    }

    public static String privacy(Object userId) {
        return PRIVACY + userId;
    }

    public static String blocks(long userId) {
        return BLOCKS + userId;
    }

    /** {@code tokenHash} in lower-case hexadecimal, as the session lookups receive it. */
    public static String session(String tokenHashHex) {
        return SESSION + tokenHashHex;
    }

    public static String userSessions(long userId) {
        return USER_SESSIONS + userId;
    }

    public static String notifications(long recipientId) {
        return NOTIFICATIONS + recipientId;
    }

    private static <T> Function<Object, List<String>> entity(Class<T> type, Function<T, List<String>> tags) {
        return e -> tags.apply(type.cast(e));
    }
}
