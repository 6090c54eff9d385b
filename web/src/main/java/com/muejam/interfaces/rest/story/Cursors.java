package com.muejam.interfaces.rest.story;

import java.util.List;
import java.util.function.Function;

import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.story.Story;
import com.muejam.interfaces.rest.paging.PageCursors;

/**
 * The story lists' cursors, in the API's one opaque format ({@link PageCursors}): newest-first lists continue
 * after the last row's (time, id), the popular list after its (like count, id). A cursor that does not decode, or
 * belongs to another kind of list, is a 400 naming {@code cursor}.
 */
final class Cursors {

    static final String PARAM = PageCursors.PARAM;

    private Cursors() {
    }

    /** The position after which a newest-first list continues; null = the first page. */
    static TimeCursor time(String cursor) {
        return PageCursors.time(cursor, TimeCursor.newestFirst());
    }

    /** The position after which a most-liked-first list continues; null = the first page. */
    static CountCursor count(String cursor) {
        return PageCursors.count(cursor, CountCursor.highestFirst());
    }

    /** The cursor of the next page: the last row's position when the page is full, else none (the end). */
    static String next(List<Story> page, int limit, Function<Story, String> cursorOf) {
        return page.size() < limit || page.isEmpty() ? null : cursorOf.apply(page.get(page.size() - 1));
    }

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
