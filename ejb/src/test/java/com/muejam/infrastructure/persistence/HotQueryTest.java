package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The catalogue's own rules, without a database (the plans are proven in the tools module). */
class HotQueryTest {

    /** The catalogue split per aggregate is still the whole catalogue: 69 entries, each name once. */
    @Test
    void theRegistryListsEveryQueryOfEveryAggregateOnce() {
        assertThat(HotQueries.ALL).hasSize(69).doesNotHaveDuplicates();
        assertThat(HotQueries.ALL.stream().map(HotQuery::name).distinct()).hasSize(69);
        assertThat(HotQueries.ALL).containsAll(java.util.List.of(StoryQuery.values()))
                .containsAll(java.util.List.of(SecurityQuery.values()));
    }

    @Test
    void everyQueryNamesItsIndexesAndPagesByKeysetNeverByOffset() {
        for (HotQuery q : HotQueries.ALL) {
            String sql = q.sql().toUpperCase(Locale.ROOT);
            assertThat(q.indexes()).as(q.name()).isNotEmpty();
            assertThat(sql).as(q.name()).doesNotContain("OFFSET");
            assertThat(Sql.PARAMETER.matcher(q.sql()).find()).as(q.name() + " has no named placeholder left").isFalse();
            assertThat(q.sql().chars().filter(c -> c == '?').count()).as(q.name())
                    .isEqualTo(q.parameters().size());
            if (sql.contains("ORDER BY") && sql.startsWith("SELECT *")) {
                // a list: bounded, and continued from a cursor
                assertThat(q.parameters()).as(q.name()).contains("limit");
                assertThat(q.parameters()).as(q.name())
                        .containsAnyOf("beforeId", "afterId", "afterUsername");
            }
        }
    }

    @Test
    void namedParametersBecomePositionalInOrder() {
        HotQuery q = StoryQuery.DISCOVER_FEATURED;
        assertThat(q.parameters()).containsExactly("showNsfw", "viewerId", "viewerId", "beforeAt", "beforeId", "limit");
        Object[] values = q.bind(Map.of("limit", 20, "beforeId", 9L, "beforeAt", "t", "viewerId", 3L,
                "showNsfw", true));
        assertThat(values).containsExactly(true, 3L, 3L, "t", 9L, 20);
        assertThatThrownBy(() -> q.bind(Map.of("limit", 20))).hasMessageContaining(":showNsfw");
        java.util.Map<String, Object> withNull = new java.util.HashMap<>(Map.of("recipientId", 1L, "type", "system",
                "payload", "{}", "now", "t"));
        withNull.put("subjectType", null);
        withNull.put("subjectId", null);
        assertThat(NotificationQuery.NOTIFICATIONS_ADD.bind(withNull)).containsExactly(1L, "system", null, null, "{}", "t");
        assertThatThrownBy(() -> q.bind(Map.of("limit", 20, "beforeId", 9L, "beforeAt", "t", "viewerId", 3L,
                "showNsfw", true, "typo", 1))).hasMessageContaining("typo");
    }

    @Test
    void discoveryExcludesBlockRelationsInBothDirections() {
        for (HotQuery q : HotQueries.ALL) {
            if (q.name().startsWith("DISCOVER_") || q == StoryQuery.STORY_TITLE_SEARCH) {
                assertThat(q.namedSql()).as(q.name())
                        .contains("b.blocker_id = :viewerId AND b.blocked_id = s.author_id")
                        .contains("b2.blocker_id = s.author_id AND b2.blocked_id = :viewerId");
            }
        }
    }

    @Test
    void castsAreNotParameters() {
        assertThat(Sql.PARAMETER.matcher("SELECT x::text, :a FROM t WHERE y = :bB2").results()
                .map(r -> r.group(1)).toList()).containsExactly("a", "bB2");
    }

    @Test
    void prefixesBecomeHalfOpenRanges() {
        assertThat(Prefixes.end("ab")).isEqualTo("ac");
        assertThat(Prefixes.end("z")).isEqualTo("{");
        assertThat(Prefixes.end("\u00e9")).isEqualTo("\u00ea");
        assertThat(Prefixes.end("a\ud7ff")).isEqualTo("a\ue000");
        assertThat(Prefixes.lower("ZePh")).isEqualTo("zeph");
    }
}
