package com.muejam.it.api;

import static com.muejam.it.api.ConsistentClient.ids;
import static com.muejam.it.api.ConsistentClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;
import com.muejam.it.routing.AppClient.User;

/**
 * Discovery feeds over HTTP: NSFW only for readers who opted in, no stories across a block in either direction,
 * keyset pages without duplicates or gaps. Blocks and privacy settings are written with SQL (their endpoints are
 * tested elsewhere), before the reader's first read: such rows do not invalidate caches, so every test uses readers
 * nothing has been cached for.
 */
class DiscoveryIT extends DeployedEarTest {

    ConsistentClient api;

    @BeforeEach
    void client() {
        api = new ConsistentClient(app);
    }

    @Test
    void nsfwOnlyForReadersWhoOptedIn() {
        User author = api.app.signUp("nsfwauthor");
        User prude = api.app.signUp("prude");
        User optedIn = api.app.signUp("optedin");
        TestDatabase.update("INSERT INTO privacy_settings (user_id, show_nsfw) VALUES (?, true)", optedIn.id());
        TestDatabase.update("INSERT INTO privacy_settings (user_id, show_nsfw) VALUES (?, false)", prude.id());
        long nsfw = published(author, "Adults only", true);
        long safe = published(author, "For everyone", false);

        for (String[] reader : List.of(new String[0], prude.auth())) {
            List<Long> newest = ids(api.get("api/discover/newest?limit=100", reader).body());
            assertThat(newest).contains(safe).doesNotContain(nsfw);
            assertThat(ids(api.get("api/discover/popular?limit=100", reader).body())).doesNotContain(nsfw);
            assertThat(api.get("api/stories/" + nsfw, reader).statusCode()).isEqualTo(404);
            assertThat(ids(api.get("api/stories?author=" + author.id(), reader).body())).containsExactly(safe);
        }
        assertThat(ids(api.get("api/discover/newest?limit=100", optedIn.auth()).body())).contains(safe, nsfw);
        assertThat(api.get("api/stories/" + nsfw, optedIn.auth()).statusCode()).isEqualTo(200);
        assertThat(ids(api.get("api/stories?author=" + author.id(), optedIn.auth()).body())).containsExactly(safe, nsfw);
        assertThat(api.get("api/stories/" + nsfw, author.auth()).statusCode()).as("the author").isEqualTo(200);
    }

    @Test
    void storiesAcrossABlockInEitherDirectionAreExcluded() {
        User author = api.app.signUp("blockedauthor");
        User blocksAuthor = api.app.signUp("blocksauthor");
        User blockedByAuthor = api.app.signUp("blockedbyauthor");
        User bystander = api.app.signUp("bystander");
        TestDatabase.update("INSERT INTO blocked_users (blocker_id, blocked_id) VALUES (?, ?)", blocksAuthor.id(), author.id());
        TestDatabase.update("INSERT INTO blocked_users (blocker_id, blocked_id) VALUES (?, ?)", author.id(), blockedByAuthor.id());
        long story = published(author, "Seen by some", false);
        feature(story);
        api.afterDatabaseWrite();

        for (User reader : List.of(blocksAuthor, blockedByAuthor)) {
            String who = reader.username();
            assertThat(ids(api.get("api/discover/newest?limit=100", reader.auth()).body())).as(who).doesNotContain(story);
            assertThat(ids(api.get("api/discover/featured?limit=100", reader.auth()).body())).as(who).doesNotContain(story);
            assertThat(ids(api.get("api/discover/popular?limit=100", reader.auth()).body())).as(who).doesNotContain(story);
            assertThat(api.get("api/stories/" + story, reader.auth()).statusCode()).as(who).isEqualTo(404);
            assertThat(api.get("api/stories?author=" + author.id(), reader.auth()).statusCode()).as(who).isEqualTo(404);
        }
        assertThat(ids(api.get("api/discover/newest?limit=100", bystander.auth()).body())).contains(story);
        assertThat(ids(api.get("api/discover/featured?limit=100", bystander.auth()).body())).contains(story);
        assertThat(ids(api.get("api/discover/newest?limit=100").body())).as("anonymous").contains(story);
        assertThat(api.get("api/stories/" + story, bystander.auth()).statusCode()).isEqualTo(200);
        // the readers with blocks still see other authors' stories: the feed is filtered, not emptied
        long other = published(bystander, "Unrelated", false);
        assertThat(ids(api.get("api/discover/newest?limit=100", blocksAuthor.auth()).body())).contains(other);
    }

    @Test
    void newestPagesHaveNoDuplicatesOrGaps() {
        User author = api.app.signUp("newestpager");
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(0, published(author, "Newest " + i, false));
        }
        // the five are the newest stories of all (tests run one at a time): pages of 2 walk them in order
        List<Long> seen = walk("api/discover/newest?limit=2", 3, new String[0]);
        assertThat(seen).startsWith(mine.toArray(Long[]::new));
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void popularIsOrderedByLikesThenIdAndPagesCleanly() {
        User author = api.app.signUp("popular");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(published(author, "Popular " + i, false));
        }
        // likes above every other story's; two pairs tie (the id breaks ties, highest first)
        long top = System.currentTimeMillis() * 1000;
        long[] likes = {top + 3, top + 5, top + 3, top + 5, top + 4};
        for (int i = 0; i < ids.size(); i++) {
            TestDatabase.update("UPDATE stories SET like_count = ? WHERE id = ?", likes[i], ids.get(i));
        }
        // the SQL update bypassed the cache: a story change through the API invalidates story_feeds
        published(api.app.signUp("invalidator"), "Any change", false);
        api.afterDatabaseWrite();

        List<Long> expected = List.of(ids.get(3), ids.get(1), ids.get(4), ids.get(2), ids.get(0));
        List<Long> seen = walk("api/discover/popular?limit=2", 3, new String[0]);
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(expected);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void aBadLimitOrCursorIs400() {
        for (String feed : List.of("newest", "featured", "popular")) {
            assertThat(api.get("api/discover/" + feed + "?limit=0").statusCode()).isEqualTo(400);
            HttpResponse<String> tooMany = api.get("api/discover/" + feed + "?limit=101");
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooMany.body()).contains("\"field\":\"limit\"");
            HttpResponse<String> bad = api.get("api/discover/" + feed + "?cursor=%25%25%25");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("\"field\":\"cursor\"");
        }
        // a cursor of another kind of list (a time cursor given to the likes-ordered feed) is refused too
        User author = api.app.signUp("cursorkind");
        published(author, "One", false);
        published(author, "Two", false);
        String timeCursor = next(api.get("api/discover/newest?limit=1").body());
        assertThat(timeCursor).isNotNull();
        assertThat(api.get("api/discover/newest?limit=1&cursor=" + timeCursor).statusCode()).isEqualTo(200);
        assertThat(api.get("api/discover/popular?limit=1&cursor=" + timeCursor).statusCode()).isEqualTo(400);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The ids of the first {@code pages} pages, following {@code next}. */
    private List<Long> walk(String first, int pages, String[] auth) {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        for (int p = 0; p < pages; p++) {
            HttpResponse<String> page = api.get(first + (cursor == null ? "" : "&cursor=" + cursor), auth);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            seen.addAll(ids(page.body()));
            cursor = next(page.body());
            if (cursor == null) {
                break;
            }
        }
        return seen;
    }

    private long published(User author, String title, boolean nsfw) {
        HttpResponse<String> r = api.post("api/stories",
                "{\"title\":\"" + title + "\",\"body\":\"text\",\"nsfw\":" + nsfw + "}", author.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = AppClient.id(r.body());
        HttpResponse<String> p = api.post("api/stories/" + id + "/publish", "", author.auth());
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        return id;
    }

    private void feature(long story) {
        User moderator = api.app.signUp("mod");
        TestDatabase.promoteToModerator(moderator.id());
        String token = api.app.signIn(moderator.username(), AppClient.PASSWORD);
        HttpResponse<String> r = api.post("api/stories/" + story + "/feature", "", "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
