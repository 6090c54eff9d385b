package com.muejam.domain.profile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.muejam.domain.TimeCursor;

/** User profiles as the application sees them. Lists are keyset-paged. */
public interface UserProfileRepository {

    UserProfile add(UserProfile profile);

    Optional<UserProfile> findById(long id);

    /**
     * The profile for a change in the current transaction: on the primary, and the transaction counts as writing
     * (its commit position goes to the client), which a change to an entity read through a read route would not.
     */
    Optional<UserProfile> findForUpdate(long id);

    Optional<UserProfile> findByUsername(String username);

    /**
     * Usernames starting with {@code prefix}, ignoring case, in lower-case byte order; the next page starts after
     * {@code afterUsername} (the lower-cased username of the last row; empty for the first page).
     */
    List<UserProfile> searchByUsernamePrefix(String prefix, String afterUsername, int limit);

    /**
     * {@link #searchByUsernamePrefix} as {@code viewerId} (0 = anonymous, not a moderator) may see it, filtered in
     * the same statement: their own profile, and public profiles whose owner did not block them.
     */
    List<UserProfile> searchVisibleByUsernamePrefix(String prefix, String afterUsername, long viewerId, int limit);

    /** Display names starting with {@code prefix}, ignoring case; the next page starts after (name, id). */
    List<UserProfile> searchByDisplayNamePrefix(String prefix, String afterName, long afterId, int limit);

    /** Profiles by last activity, most recent first. */
    List<UserProfile> recentlyActive(TimeCursor before, int limit);

    /** Profiles created in [cursor, to), oldest first; start with {@link TimeCursor#from(OffsetDateTime)}. */
    List<UserProfile> createdBetween(TimeCursor after, OffsetDateTime to, int limit);
}
