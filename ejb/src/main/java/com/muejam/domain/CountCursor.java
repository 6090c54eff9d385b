package com.muejam.domain;

/** Keyset position in a list ordered by a count (likes, views) descending, then the id descending. */
public record CountCursor(long count, long id) {

    /** First page: above every count. */
    public static CountCursor highestFirst() {
        return new CountCursor(Long.MAX_VALUE, Long.MAX_VALUE);
    }
}
