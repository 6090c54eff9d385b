package com.muejam.it.api;

import static com.muejam.it.api.ConsistentClient.ids;
import static com.muejam.it.api.ConsistentClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;
import com.muejam.it.routing.AppClient.User;

/**
 * The genre, most-read and recently-updated feeds and story search over HTTP: their order and keyset pages, the
 * feeds' visibility rules (NSFW only for readers who opted in, nothing across a block, no deleted stories), and
 * their caches dropped at the commit of a story change (a cached search or feed shows a just-published story and
 * loses a just-deleted one at once). Blocks and privacy settings are written with SQL before the reader's first
 * read, as in {@link DiscoveryIT}.
 */
class FeedsAndSearchIT extends DeployedEarTest {

    ConsistentClient api;

    @BeforeEach
    void client() {
        api = new ConsistentClient(app);
    }

    @Test
    void mostReadIsOrderedByViewsThenIdAndPagesCleanly() {
        User author = api.app.signUp("mostread");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(published(author, "Read " + i, false, "general"));
        }
        long top = System.currentTimeMillis() * 1000;
        long[] views = {top + 3, top + 5, top + 3, top + 5, top + 4};
        for (int i = 0; i < ids.size(); i++) {
            TestDatabase.update("UPDATE stories SET view_count = ? WHERE id = ?", views[i], ids.get(i));
        }
        // the SQL update bypassed the cache: a story change through the API drops the cached feeds
        published(api.app.signUp("readinvalidator"), "Any change", false, "general");
        api.afterDatabaseWrite();

        List<Long> expected = List.of(ids.get(3), ids.get(1), ids.get(4), ids.get(2), ids.get(0));
        List<Long> seen = walk("api/discover/most-read?limit=2", 3, new String[0]);
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(expected);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void recentlyUpdatedPutsAnEditedStoryFirstAtOnce() {
        User author = api.app.signUp("updated");
        long older = published(author, "Updated older", false, "general");
        long newer = published(author, "Updated newer", false, "general");
        // cache the feed, then edit the older story through the API: the next read sees it first
        List<Long> before = ids(api.get("api/discover/recently-updated?limit=2").body());
        assertThat(before).containsExactly(newer, older);
        HttpResponse<String> edit = api.patch("api/stories/" + older, "{\"title\":\"Updated again\"}", author.auth());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(ids(api.get("api/discover/recently-updated?limit=2").body())).containsExactly(older, newer);
        List<Long> seen = walk("api/discover/recently-updated?limit=1", 4, new String[0]);
        assertThat(seen).startsWith(older, newer).doesNotHaveDuplicates();
    }

    @Test
    void genreFeedHoldsOnlyThatGenreNewestFirst() {
        User author = api.app.signUp("genre");
        long f1 = published(author, "Dragon one", false, "fantasy");
        long horror = published(author, "Ghost", false, "horror");
        long f2 = published(author, "Dragon two", false, "fantasy");
        long f3 = published(author, "Dragon three", false, "fantasy");

        List<Long> fantasy = walk("api/discover/genre/fantasy?limit=2", 2, new String[0]);
        assertThat(fantasy).startsWith(f3, f2, f1).doesNotContain(horror).doesNotHaveDuplicates();
        assertThat(ids(api.get("api/discover/genre/horror?limit=100").body())).contains(horror)
                .doesNotContain(f1, f2, f3);
        // a new fantasy story shows in the (cached) fantasy feed at once; a deleted one disappears at once
        long f4 = published(author, "Dragon four", false, "fantasy");
        assertThat(ids(api.get("api/discover/genre/fantasy?limit=2").body())).containsExactly(f4, f3);
        assertThat(api.delete("api/stories/" + f4, author.auth()).statusCode()).isEqualTo(204);
        assertThat(ids(api.get("api/discover/genre/fantasy?limit=2").body())).containsExactly(f3, f2);
    }

    @Test
    void newFeedsAndSearchFollowNsfwSettingsAndBlocks() {
        String word = word();
        User author = api.app.signUp("visauthor");
        User optedIn = api.app.signUp("visoptedin");
        User blocksAuthor = api.app.signUp("visblocker");
        User blockedByAuthor = api.app.signUp("visblocked");
        User bystander = api.app.signUp("visbystander");
        TestDatabase.update("INSERT INTO privacy_settings (user_id, show_nsfw) VALUES (?, true)", optedIn.id());
        TestDatabase.update("INSERT INTO blocked_users (blocker_id, blocked_id) VALUES (?, ?)", blocksAuthor.id(), author.id());
        TestDatabase.update("INSERT INTO blocked_users (blocker_id, blocked_id) VALUES (?, ?)", author.id(), blockedByAuthor.id());
        api.afterDatabaseWrite();
        long nsfw = published(author, "Night " + word, true, "romance");
        long safe = published(author, "Day " + word, false, "romance");
        long other = published(bystander, "Elsewhere " + word, false, "romance");
        // read more than any other story, so the three are on the first most-read page
        long top = System.currentTimeMillis() * 1000;
        TestDatabase.update("UPDATE stories SET view_count = ? WHERE id IN (?, ?, ?)", top, nsfw, safe, other);
        published(bystander, "Invalidator", false, "general"); // drops the cached feeds
        api.afterDatabaseWrite();

        List<String> lists = List.of("api/discover/most-read?limit=100", "api/discover/recently-updated?limit=100",
                "api/discover/genre/romance?limit=100", "api/search/stories?limit=100&q=" + word);
        for (String list : lists) {
            assertThat(ids(api.get(list).body())).as("anonymous " + list).contains(safe, other).doesNotContain(nsfw);
            assertThat(ids(api.get(list, bystander.auth()).body())).as("bystander " + list)
                    .contains(safe).doesNotContain(nsfw);
            assertThat(ids(api.get(list, optedIn.auth()).body())).as("opted in " + list).contains(safe, nsfw);
            for (User reader : List.of(blocksAuthor, blockedByAuthor)) {
                assertThat(ids(api.get(list, reader.auth()).body())).as(reader.username() + " " + list)
                        .contains(other).doesNotContain(safe, nsfw);
            }
        }
    }

    @Test
    void searchFindsAJustPublishedStoryAndLosesADeletedOneThroughTheCache() {
        String word = word();
        User author = api.app.signUp("searcher");
        String search = "api/search/stories?q=" + word + "+lantern";
        assertThat(ids(api.get(search).body())).as("cached empty result").isEmpty();

        long first = published(author, "The " + word + " Lantern", false, "general");
        assertThat(ids(api.get(search).body())).containsExactly(first);
        long draft = draft(author, word + " lantern draft");
        long second = published(author, "Lantern of " + word.toUpperCase(), false, "general");
        published(author, "Only " + word, false, "general"); // one word of two: no match
        assertThat(ids(api.get(search).body())).as("newest match first, drafts never")
                .containsExactly(second, first).doesNotContain(draft);

        List<Long> paged = walk(search + "&limit=1", 3, new String[0]);
        assertThat(paged).containsExactly(second, first);

        assertThat(api.delete("api/stories/" + second, author.auth()).statusCode()).isEqualTo(204);
        assertThat(ids(api.get(search).body())).containsExactly(first);
        // white space does not make another search
        assertThat(ids(api.get("api/search/stories?q=%20%20" + word + "%09%20lantern%20").body())).containsExactly(first);
    }

    @Test
    void badInputIs400ProblemJson() {
        for (String feed : List.of("most-read", "recently-updated", "genre/fantasy")) {
            assertThat(api.get("api/discover/" + feed + "?limit=0").statusCode()).isEqualTo(400);
            HttpResponse<String> tooMany = api.get("api/discover/" + feed + "?limit=101");
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooMany.body()).contains("\"field\":\"limit\"");
            problem(api.get("api/discover/" + feed + "?cursor=%25%25%25"), "cursor");
        }
        problem(api.get("api/discover/genre/nosuchgenre"), "genre");
        problem(api.get("api/discover/genre/FANTASY"), "genre");
        problem(api.get("api/discover/genre/%27%3B%20DROP%20TABLE%20stories%3B--"), "genre");

        problem(api.get("api/search/stories"), "q");
        problem(api.get("api/search/stories?q="), "q");
        problem(api.get("api/search/stories?q=%20%09"), "q");
        problem(api.get("api/search/stories?q=" + "a".repeat(201)), "q");
        problem(api.get("api/search/stories?q=" + "a".repeat(10_000)), "q");
        problem(api.get("api/search/stories?q=a%00b"), "q");
        problem(api.get("api/search/stories?q=word&cursor=%25%25%25"), "cursor");
        problem(api.get("api/search/stories?q=word&limit=101"), "limit");
        // a count cursor (most-read) is refused by the time-ordered search
        User author = api.app.signUp("searchcursor");
        published(author, "Cursor one", false, "general");
        published(author, "Cursor two", false, "general");
        String countCursor = next(api.get("api/discover/most-read?limit=1").body());
        assertThat(countCursor).isNotNull();
        problem(api.get("api/search/stories?q=cursor&cursor=" + countCursor), "cursor");

        // whatever the words, a well-formed query is answered, never a 500
        for (String q : List.of("' OR 1=1 --", "a & b | !c", "\"quoted\" (paren) :*", "%_\\", "<->", "ü日本語",
                "\uFFFD\uFFFD", "!!!", "a".repeat(200))) {
            HttpResponse<String> r = api.get("api/search/stories?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(q + " " + r.body()).isEqualTo(200);
        }
        // bytes that are not UTF-8
        assertThat(api.get("api/search/stories?q=%C3%28%FF%FE").statusCode()).isIn(200, 400);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void problem(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }

    /** A word no other story has: letters only, so full-text parsing keeps it whole. */
    private static String word() {
        StringBuilder w = new StringBuilder("qx");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            w.append((char) ('a' + Character.digit(c, 16)));
        }
        return w.toString();
    }

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

    private long draft(User author, String title) {
        HttpResponse<String> r = api.post("api/stories",
                "{\"title\":\"" + title + "\",\"body\":\"text\",\"nsfw\":false}", author.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return AppClient.id(r.body());
    }

    private long published(User author, String title, boolean nsfw, String genre) {
        HttpResponse<String> r = api.post("api/stories", "{\"title\":\"" + title + "\",\"body\":\"text\",\"nsfw\":"
                + nsfw + ",\"genre\":\"" + genre + "\"}", author.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = AppClient.id(r.body());
        HttpResponse<String> p = api.post("api/stories/" + id + "/publish", "", author.auth());
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        return id;
    }
}
