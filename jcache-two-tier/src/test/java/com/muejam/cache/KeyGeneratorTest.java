package com.muejam.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyGeneratorTest {

    enum Sort { NEWEST, TOP }

    record Page(int number, int size, Sort sort) {
    }

    static final class Listings {
        public List<String> featured(String tag, int page) {
            return List.of();
        }

        public List<String> featured(String tag, long page) {
            return List.of();
        }

        public List<String> byAuthor(long authorId, Page page) {
            return List.of();
        }
    }

    private static Method m(String name, Class<?>... params) throws NoSuchMethodException {
        return Listings.class.getMethod(name, params);
    }

    @Test
    void keysAreExactlyStableAcrossRuns() throws Exception {
        // Literal expectations: a change of encoding would silently orphan every cached entry on a rolling deploy.
        assertThat(KeyGenerator.forMethod(m("featured", String.class, int.class), "fantasy", 2))
                .isEqualTo("com.muejam.cache.KeyGeneratorTest$Listings#featured(java.lang.String,int):s7:fantasyI2;");
        assertThat(KeyGenerator.canonical(new Page(1, 20, Sort.TOP)))
                .isEqualTo("Rs38:com.muejam.cache.KeyGeneratorTest$Page3:I1;I20;Es38:com.muejam.cache.KeyGeneratorTest$Sorts3:TOP");
        // over MAX_LENGTH: short name + SHA-256 of the full key, equally stable
        assertThat(KeyGenerator.forMethod(m("byAuthor", long.class, Page.class), 42L, new Page(1, 20, Sort.TOP)))
                .isEqualTo("Listings.byAuthor~G-cAGixAPBRjiCj4JhXVOenEQqtwoDawq89mOgfF1Bg");
        assertThat(KeyGenerator.of("story.byId", 7L)).isEqualTo("@story.byId:L7;");
    }

    @Test
    void equalArgumentsGiveEqualKeys() throws Exception {
        Method featured = m("featured", String.class, int.class);
        assertThat(KeyGenerator.forMethod(featured, new String("a"), 1))
                .isEqualTo(KeyGenerator.forMethod(featured, "a", Integer.valueOf(1)));
        Set<Object> s1 = new HashSet<>(List.of("x", "y", "z"));
        Set<Object> s2 = new java.util.TreeSet<>(List.of("z", "y", "x"));
        assertThat(KeyGenerator.canonical(s1)).isEqualTo(KeyGenerator.canonical(s2));
        Map<String, Integer> m1 = new LinkedHashMap<>();
        m1.put("b", 2);
        m1.put("a", 1);
        assertThat(KeyGenerator.canonical(m1)).isEqualTo(KeyGenerator.canonical(new TreeMap<>(m1)));
        UUID id = UUID.randomUUID();
        assertThat(KeyGenerator.canonical(id)).isEqualTo(KeyGenerator.canonical(UUID.fromString(id.toString())));
    }

    @Test
    void differentArgumentsNeverCollide() throws Exception {
        Method featured = m("featured", String.class, int.class);
        List<String> keys = new ArrayList<>();
        keys.add(KeyGenerator.of("q", "a", "bc"));
        keys.add(KeyGenerator.of("q", "ab", "c"));
        keys.add(KeyGenerator.of("q", "abc"));
        keys.add(KeyGenerator.of("q", 1));
        keys.add(KeyGenerator.of("q", 1L));
        keys.add(KeyGenerator.of("q", "1"));
        keys.add(KeyGenerator.of("q", (Object) null));
        keys.add(KeyGenerator.of("q", "null"));
        keys.add(KeyGenerator.of("q", "n"));
        keys.add(KeyGenerator.of("q"));
        keys.add(KeyGenerator.of("q", ""));
        keys.add(KeyGenerator.of("q", List.of("a", "b")));
        keys.add(KeyGenerator.of("q", List.of("b", "a")));
        keys.add(KeyGenerator.of("q", (Object) new String[] {"a", "b"}));
        keys.add(KeyGenerator.of("q", List.of(List.of("a"), "b")));
        keys.add(KeyGenerator.of("q", List.of("a", List.of("b"))));
        keys.add(KeyGenerator.of("q", Optional.empty()));
        keys.add(KeyGenerator.of("q", Optional.of("a")));
        keys.add(KeyGenerator.of("q", new BigDecimal("1.0")));
        keys.add(KeyGenerator.of("q", new BigDecimal("1.00")));
        keys.add(KeyGenerator.of("q", 1.0d));
        keys.add(KeyGenerator.of("q", LocalDate.of(2026, 1, 2)));
        keys.add(KeyGenerator.of("q", "2026-01-02"));
        keys.add(KeyGenerator.of("q", Sort.TOP));
        keys.add(KeyGenerator.of("q", "TOP"));
        keys.add(KeyGenerator.of("q", true));
        keys.add(KeyGenerator.of("q", "a;b"));
        keys.add(KeyGenerator.of("q", "a", ";b"));
        keys.add(KeyGenerator.of("r", "a"));
        keys.add(KeyGenerator.of("q", "a"));
        keys.add(KeyGenerator.forMethod(featured, "a", 1));
        keys.add(KeyGenerator.forMethod(m("featured", String.class, long.class), "a", 1L));
        keys.add(KeyGenerator.forMethod(featured, "a", 2));
        keys.add(KeyGenerator.forMethod(featured, "b", 1));
        assertThat(new HashSet<>(keys)).as("all distinct: %s", keys).hasSize(keys.size());
    }

    @Test
    void longKeysAreHashedAndBounded() throws Exception {
        Method featured = m("featured", String.class, int.class);
        String big = "x".repeat(10_000);
        String k1 = KeyGenerator.forMethod(featured, big, 1);
        String k2 = KeyGenerator.forMethod(featured, big, 2);
        String k3 = KeyGenerator.forMethod(featured, big + "y", 1);
        assertThat(k1).hasSizeLessThanOrEqualTo(KeyGenerator.MAX_LENGTH).startsWith("Listings.featured~");
        assertThat(Arrays.asList(k1, k2, k3)).doesNotHaveDuplicates();
        assertThat(KeyGenerator.forMethod(featured, big, 1)).isEqualTo(k1);
        // the longest unhashed key and the first hashed one
        String edge = KeyGenerator.of("q", "y".repeat(KeyGenerator.MAX_LENGTH - 10));
        assertThat(edge).hasSizeLessThanOrEqualTo(KeyGenerator.MAX_LENGTH);
    }

    @Test
    void typesWithoutCanonicalFormAreRefused() {
        assertThatThrownBy(() -> KeyGenerator.of("q", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stable cache key");
        KeyGenerator.Keyed keyed = () -> "story-7";
        assertThat(KeyGenerator.of("q", keyed)).contains("s7:story-7");
    }
}
