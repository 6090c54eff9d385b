package com.muejam.interfaces.rest.story;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.muejam.domain.story.Genre;
import com.muejam.domain.story.Story;
import com.muejam.interfaces.rest.paging.PageCursors;

/** JSON shapes of the story and discovery resources; their lists are {@code Page<StorySummary>}. */
public final class StoryDtos {

    /** Longest title (the column's size). */
    public static final int MAX_TITLE = 300;
    /** Longest body, in characters: a long chapter, not a book. */
    public static final int MAX_BODY = 200_000;
    /** The genre names ({@link Genre}), as a pattern so a wrong one is a 400 naming the field. */
    static final String GENRES = "general|fantasy|romance|scifi|mystery|horror|thriller|poetry|fanfiction|humor"
            + "|drama|adventure";
    private static final String GENRE_MESSAGE = "must be one of general, fantasy, romance, scifi, mystery, horror,"
            + " thriller, poetry, fanfiction, humor, drama, adventure";
    /** Not blank, for optional (PATCH) fields where @NotBlank would also refuse an absent value. */
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private StoryDtos() {
    }

    /** A new draft; the author is the signed-in user. */
    public record CreateStory(
            @NotBlank @Size(max = MAX_TITLE) String title,
            @NotBlank @Size(max = MAX_BODY) String body,
            boolean nsfw,
            @Pattern(regexp = GENRES, message = GENRE_MESSAGE) String genre) {
    }

    /**
     * Changes to a story: absent fields stay as they are. {@code version}, if given, must be the story's current
     * version (409 otherwise); the {@code If-Match} header does the same with 412.
     */
    public record EditStory(
            @Size(max = MAX_TITLE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = MAX_BODY) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String body,
            Boolean nsfw,
            @Pattern(regexp = GENRES, message = GENRE_MESSAGE) String genre,
            @PositiveOrZero Long version) {
    }

    static Genre genre(String name) {
        return name == null ? null : Genre.valueOf(name);
    }

    /** One story, with its body. {@code version} is also the {@code ETag}. */
    @JsonbPropertyOrder({"id", "authorId", "title", "body", "status", "featured", "nsfw", "genre", "publishedAt",
            "createdAt", "updatedAt", "likeCount", "viewCount", "commentCount", "version"})
    public record StoryView(long id, long authorId, String title, String body, String status, boolean featured,
            boolean nsfw, String genre, OffsetDateTime publishedAt, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, long likeCount, long viewCount, long commentCount, long version) {

        static StoryView of(Story s) {
            return new StoryView(s.getId(), s.getAuthorId(), s.getTitle(), s.getBody(), s.getStatus().name(),
                    s.isFeatured(), s.isNsfw(), s.getGenre().name(), s.getPublishedAt(), s.getCreatedAt(),
                    s.getUpdatedAt(), s.getLikeCount(), s.getViewCount(), s.getCommentCount(), s.getVersion());
        }
    }

    /** A story in a list: everything but the body (a page of 100 bodies could be 20 MB). */
    @JsonbPropertyOrder({"id", "authorId", "title", "status", "featured", "nsfw", "genre", "publishedAt",
            "updatedAt", "likeCount", "viewCount", "commentCount"})
    public record StorySummary(long id, long authorId, String title, String status, boolean featured, boolean nsfw,
            String genre, OffsetDateTime publishedAt, OffsetDateTime updatedAt, long likeCount, long viewCount,
            long commentCount) {

        static StorySummary of(Story s) {
            return new StorySummary(s.getId(), s.getAuthorId(), s.getTitle(), s.getStatus().name(), s.isFeatured(),
                    s.isNsfw(), s.getGenre().name(), s.getPublishedAt(), s.getUpdatedAt(), s.getLikeCount(),
                    s.getViewCount(), s.getCommentCount());
        }
    }

    // ---- the story lists' cursors (PageCursors): the last row's sort key ------------------------------------

    static String byPublication(Story s) {
        return PageCursors.time(s.getPublishedAt(), s.getId());
    }

    static String byUpdate(Story s) {
        return PageCursors.time(s.getUpdatedAt(), s.getId());
    }

    static String byViews(Story s) {
        return PageCursors.count(s.getViewCount(), s.getId());
    }

    static String byLikes(Story s) {
        return PageCursors.count(s.getLikeCount(), s.getId());
    }
}
