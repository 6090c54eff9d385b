package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.domain.CountCursor;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.story.Genre;
import com.muejam.domain.story.Story;
import com.muejam.domain.story.StoryStatus;
import com.muejam.domain.story.Viewer;

class JpaStoryRepositoryTest extends JpaTestSupport {

    JpaStoryRepository repo() {
        JpaStoryRepository r = new JpaStoryRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    Story story(UserProfile author, String title, boolean nsfw, Genre genre, int minutesAgo, boolean publish) {
        Story s = new Story(author.getId(), title, "body of " + title, nsfw, genre, now.minusMinutes(minutesAgo));
        if (publish) {
            s.publish(now.minusMinutes(minutesAgo));
        }
        return repo().add(s);
    }

    @Test
    void discoveryHidesNsfwUnlessOptedInAndAuthorsTheViewerBlocked() {
        UserProfile alice = user("alice");
        UserProfile bob = user("bob");
        UserProfile viewer = user("viewer");
        Story safe = story(alice, "a quiet harbour", false, Genre.drama, 3, true);
        Story spicy = story(alice, "a loud harbour", true, Genre.romance, 2, true);
        Story byBob = story(bob, "bob writes", false, Genre.humor, 1, true);
        story(alice, "a draft", false, Genre.drama, 0, false);
        Story gone = story(alice, "deleted", false, Genre.drama, 0, true);
        gone.delete(now);
        new JpaBlockRepository() { { entityManagers = JpaStoryRepositoryTest.this.entityManagers; } }
                .block(viewer.getId(), bob.getId(), now);
        clear();

        List<Long> safeView = ids(repo().discoverNewest(new Viewer(viewer.getId(), false),
                TimeCursor.newestFirst(), 100));
        List<Long> optedIn = ids(repo().discoverNewest(new Viewer(viewer.getId(), true),
                TimeCursor.newestFirst(), 100));
        List<Long> anonymous = ids(repo().discoverNewest(Viewer.anonymous(), TimeCursor.newestFirst(), 100));

        assertThat(safeView).contains(safe.getId()).doesNotContain(spicy.getId(), byBob.getId(), gone.getId());
        assertThat(optedIn).contains(safe.getId(), spicy.getId()).doesNotContain(byBob.getId());
        assertThat(anonymous).contains(byBob.getId(), safe.getId()).doesNotContain(spicy.getId());
        // newest first
        assertThat(optedIn.indexOf(spicy.getId())).isLessThan(optedIn.indexOf(safe.getId()));
    }

    @Test
    void keysetPagesVisitEveryStoryOnceInOrderIncludingTies() {
        UserProfile author = user("prolific");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // five stories share each timestamp: the id breaks ties
            expected.add(0, story(author, "story " + i, false, Genre.general, 100 - i / 5, true).getId());
        }
        clear();
        List<Long> seen = new ArrayList<>();
        TimeCursor cursor = TimeCursor.newestFirst();
        while (true) {
            List<Story> page = repo().publishedByAuthor(author.getId(), true, cursor, 7);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(s -> seen.add(s.getId()));
            Story last = page.get(page.size() - 1);
            cursor = new TimeCursor(last.getPublishedAt(), last.getId());
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        // expected order: published_at desc, id desc
        List<Story> all = repo().publishedByAuthor(author.getId(), true, TimeCursor.newestFirst(), 100);
        assertThat(seen).containsExactlyElementsOf(ids(all));
        for (int i = 1; i < all.size(); i++) {
            Story a = all.get(i - 1);
            Story b = all.get(i);
            assertThat(a.getPublishedAt().isAfter(b.getPublishedAt())
                    || a.getPublishedAt().isEqual(b.getPublishedAt()) && a.getId() > b.getId()).isTrue();
        }
    }

    @Test
    void popularMostReadGenreFeaturedUpdatedAndTitleSearch() {
        UserProfile author = user("author");
        Story low = story(author, "lantern keeper", false, Genre.fantasy, 5, true);
        Story high = story(author, "the lantern thief", false, Genre.mystery, 4, true);
        Story nsfw = story(author, "lantern nights", true, Genre.fantasy, 3, true);
        high.setFeatured(true);
        em.flush();
        em.createNativeQuery("UPDATE stories SET like_count = 900, view_count = 5 WHERE id = ?")
                .setParameter(1, high.getId()).executeUpdate();
        em.createNativeQuery("UPDATE stories SET like_count = 10, view_count = 7000 WHERE id = ?")
                .setParameter(1, low.getId()).executeUpdate();
        clear();
        Viewer safe = Viewer.anonymous();

        List<Story> popular = repo().discoverPopular(safe, CountCursor.highestFirst(), 100);
        assertThat(ids(popular)).containsSubsequence(high.getId(), low.getId()).doesNotContain(nsfw.getId());
        Story top = popular.get(popular.indexOf(popular.stream().filter(s -> s.getId().equals(high.getId()))
                .findFirst().orElseThrow()));
        List<Story> next = repo().discoverPopular(safe, new CountCursor(top.getLikeCount(), top.getId()), 100);
        assertThat(ids(next)).contains(low.getId()).doesNotContain(high.getId());
        assertThat(ids(repo().discoverPopular(new Viewer(0, true), CountCursor.highestFirst(), 100)))
                .contains(nsfw.getId());

        assertThat(ids(repo().discoverMostRead(safe, CountCursor.highestFirst(), 100)))
                .containsSubsequence(low.getId(), high.getId());
        assertThat(ids(repo().discoverGenre(safe, Genre.fantasy, TimeCursor.newestFirst(), 100)))
                .contains(low.getId()).doesNotContain(high.getId(), nsfw.getId());
        assertThat(ids(repo().discoverGenre(new Viewer(0, true), Genre.fantasy, TimeCursor.newestFirst(), 100)))
                .contains(low.getId(), nsfw.getId());
        assertThat(ids(repo().discoverFeatured(safe, TimeCursor.newestFirst(), 100)))
                .contains(high.getId()).doesNotContain(low.getId());
        assertThat(ids(repo().discoverRecentlyUpdated(safe, TimeCursor.newestFirst(), 100)))
                .containsSubsequence(high.getId(), low.getId());

        assertThat(ids(repo().searchTitles(safe, "Lantern", TimeCursor.newestFirst(), 100)))
                .contains(low.getId(), high.getId()).doesNotContain(nsfw.getId());
        assertThat(ids(repo().searchTitles(safe, "lantern thief", TimeCursor.newestFirst(), 100)))
                .containsExactly(high.getId());
    }

    @Test
    void authorPagesPublishedAndDrafts() {
        UserProfile author = user("writer");
        Story published = story(author, "out", false, Genre.general, 10, true);
        Story draft = story(author, "wip", false, Genre.general, 5, false);
        Story deleted = story(author, "regret", false, Genre.general, 1, false);
        deleted.delete(now);
        clear();

        assertThat(ids(repo().publishedByAuthor(author.getId(), true, TimeCursor.newestFirst(), 10)))
                .containsExactly(published.getId());
        List<Story> drafts = repo().draftsByAuthor(author.getId(), TimeCursor.newestFirst(), 10);
        assertThat(ids(drafts)).containsExactly(draft.getId());
        Story loaded = drafts.get(0);
        assertThat(loaded.getStatus()).isEqualTo(StoryStatus.draft);
        assertThat(loaded.getGenre()).isEqualTo(Genre.general);
        assertThat(loaded.getCreatedAt()).isEqualTo(now.minusMinutes(5));
        assertThat(loaded.getBody()).isEqualTo("body of wip");
    }

    static List<Long> ids(List<Story> stories) {
        return stories.stream().map(Story::getId).toList();
    }
}
