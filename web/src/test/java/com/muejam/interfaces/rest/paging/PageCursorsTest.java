package com.muejam.interfaces.rest.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.muejam.application.InvalidInputException;
import com.muejam.domain.TimeCursor;

class PageCursorsTest {

    @Test
    void cursorsRoundTrip() {
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 123_456_000, ZoneOffset.UTC);
        assertThat(PageCursors.time(PageCursors.time(at, 42), TimeCursor.newestFirst()))
                .isEqualTo(new TimeCursor(at, 42));
        assertThat(PageCursors.idBefore(PageCursors.id(77))).isEqualTo(77);
        assertThat(PageCursors.nameAfter(PageCursors.name("ana_b"))).isEqualTo("ana_b");
    }

    /** The wire format clients hold (the story lists' cursors included): base64url of the raw sort key. */
    @Test
    void cursorsAreBase64UrlOfTheSortKey() {
        OffsetDateTime at = OffsetDateTime.of(1970, 1, 1, 0, 0, 1, 5, ZoneOffset.UTC);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        assertThat(PageCursors.time(at, 42)).isEqualTo(b64.encodeToString("t1.5.42".getBytes()));
        assertThat(PageCursors.count(7, 3)).isEqualTo(b64.encodeToString("c7.3".getBytes()));
    }

    @Test
    void absentCursorsStartAtTheFirstPage() {
        assertThat(PageCursors.time(null, TimeCursor.oldestFirst())).isEqualTo(TimeCursor.oldestFirst());
        assertThat(PageCursors.idBefore("")).isEqualTo(Long.MAX_VALUE);
        assertThat(PageCursors.nameAfter(null)).isEmpty();
    }

    @Test
    void aCursorOfAnotherListOrGarbageIsRejectedNamingTheParameter() {
        String idCursor = PageCursors.id(5);
        assertThatThrownBy(() -> PageCursors.time(idCursor, TimeCursor.newestFirst()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> PageCursors.idBefore("!!!")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageCursors.nameAfter("x".repeat(101))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAFullPageHasANextCursor() {
        Function<Integer, String> cursor = i -> PageCursors.id(i);
        assertThat(PageCursors.page(List.of(3, 2), 2, i -> i, cursor).next()).isEqualTo(PageCursors.id(2));
        assertThat(PageCursors.page(List.of(3), 2, i -> i, cursor).next()).isNull();
        assertThat(PageCursors.page(List.<Integer>of(), 2, i -> i, cursor).next()).isNull();
    }
}
