package com.muejam.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.muejam.domain.privacy.PrivacySettings;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.story.Story;

class CacheTagsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anEntityChangeInvalidatesTheTagsItsQueriesAreCachedUnder() throws Exception {
        Story story = new Story(7, "title", "body", false, NOW);
        set(story, "id", 42L);
        assertThat(CacheTags.of(story)).containsExactly("story:42", "stories_by_author:7", "story_feeds");

        UserProfile profile = new UserProfile("ana", "Ana", NOW);
        set(profile, "id", 7L);
        assertThat(CacheTags.of(profile)).containsExactly("profile:7", "profile_username:ana", "profile_search");

        assertThat(CacheTags.of(new PrivacySettings(7, NOW))).containsExactly("privacy:7", "profile_search");
    }

    @Test
    void anEntityNoCachedQueryReadsHasNoTags() {
        assertThat(CacheTags.of(new Object())).isEmpty();
    }

    @Test
    void theBuiltTagsAreTheAnnotationsTagsForThatValue() {
        assertThat(CacheTags.blocks(3)).isEqualTo(CacheTags.BLOCKS + "3");
        assertThat(CacheTags.session("ab01")).isEqualTo("session:ab01");
        assertThat(CacheTags.userSessions(3)).isEqualTo("user_sessions:3");
        assertThat(CacheTags.notifications(3)).isEqualTo("notifications:3");
    }

    /** Every tag a {@code @CachedQuery} of the application names is one of these constants (or a prefix of them). */
    @Test
    void everyCachedQueryUsesTheseTags() throws Exception {
        List<String> declared = new ArrayList<>();
        for (Field f : CacheTags.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                declared.add((String) f.get(null));
            }
        }
        List<String> used = new ArrayList<>();
        for (Class<?> type : applicationClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                CachedQuery q = m.getAnnotation(CachedQuery.class);
                if (q != null) {
                    used.addAll(List.of(q.tags()));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(10).allSatisfy(tag -> assertThat(declared).as(tag)
                .anyMatch(c -> c.endsWith(":") ? tag.matches(Pattern.quote(c) + "\\{\\d+}") : tag.equals(c)));
    }

    private static List<Class<?>> applicationClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(CacheTags.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("com/muejam/application"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, CacheTagsTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static void set(Object entity, String field, Object value) throws ReflectiveOperationException {
        Field f = entity.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(entity, value);
    }
}
