package com.muejam.infrastructure.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlShapeTest {

    @Test
    void boundParametersStayAndInlineValuesAreRemoved() {
        assertThat(SqlShape.of("SELECT id, title FROM stories WHERE author_id = ? AND id < ?  LIMIT ?"))
                .isEqualTo("SELECT id, title FROM stories WHERE author_id = ? AND id < ? LIMIT ?");
        assertThat(SqlShape.of("select * from user_profiles where username = 'alice' and age > 42 and score = -1.5e3 and t.c1-2 > 0"))
                .isEqualTo("select * from user_profiles where username = ? and age > ? and score = -? and t.c1-? > ?");
        assertThat(SqlShape.of("insert into t values ('it''s secret', $$body$$, $q$x$q$)"))
                .isEqualTo("insert into t values (?, ?, ?)")
                .doesNotContain("secret");
    }

    @Test
    void identifiersWithDigitsAndCastsAreKept() {
        assertThat(SqlShape.of("SELECT t1.col2 FROM table3 t1 WHERE x = $1::int4 AND pg_sleep(0.15) IS NOT NULL"))
                .isEqualTo("SELECT t1.col2 FROM table3 t1 WHERE x = $1::int4 AND pg_sleep(?) IS NOT NULL");
        assertThat(SqlShape.of(null)).isEmpty();
    }
}
