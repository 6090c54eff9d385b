package com.muejam.application.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void findsDistinctMentionsInOrderIgnoringCase() {
        assertThat(Mentions.in("Hi @Ana_1 and @bob.", "again @ana_1, @carol-x!"))
                .containsExactly("ana_1", "bob", "carol-x");
    }

    @Test
    void emailAddressesAndShortNamesAreNotMentions() {
        assertThat(Mentions.in("write to me@example.org or @ab, @@dan")).isEmpty();
    }

    @Test
    void atMostTwenty() {
        String text = IntStream.range(0, 30).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "));
        assertThat(Mentions.in(text)).hasSize(Mentions.MAX).startsWith("user0").endsWith("user19");
    }

    @Test
    void nullTextsAreIgnored() {
        assertThat(Mentions.in(null, "@someone")).containsExactly("someone");
    }
}
