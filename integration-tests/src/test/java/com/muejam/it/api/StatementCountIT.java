package com.muejam.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;
import com.muejam.it.routing.AppClient.User;

/**
 * No list endpoint is an N+1: on a cold cache a page of 5 and a page of 100 cost the same number of SQL statements
 * ({@code MueJam-Statements}, counted by the server per request; the test server turns the header on). Each list
 * is first read once with another page size, so what is cached per reader (session, viewer context) is warm
 * for both counted reads; the lists' own entries are cold: the story lists are dropped by a story change before
 * each counted read, the per-reader lists are keyed by page size and read for the first time.
 */
class StatementCountIT extends DeployedEarTest {

    static final String HEADER = "MueJam-Statements";

    ConsistentClient api;
    User invalidator;

    @BeforeEach
    void client() {
        api = new ConsistentClient(app);
    }

    @Test
    void everyListCostsTheSameStatementsForAPageOf5AndOf100() {
        String word = word();
        String prefix = "st" + word.substring(2, 8);
        invalidator = api.app.signUp("stinvalidator");
        User author = api.app.signUp("stauthor");
        for (int i = 0; i < 8; i++) {
            published(author, "Case " + i + " " + word, "mystery");
        }
        User blocker = api.app.signUp(prefix);
        List<User> blocked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            User u = api.app.signUp(prefix);
            blocked.add(u);
            HttpResponse<String> r = api.post("api/blocks/" + u.username(), "", blocker.auth());
            assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 204);
        }
        String[] anonymous = new String[0];

        for (String feed : List.of("newest", "featured", "popular", "most-read", "recently-updated", "genre/mystery")) {
            if (!feed.equals("featured")) { // few stories are featured: its pages hold what there is
                storyList("api/discover/" + feed + "?", anonymous);
                storyList("api/discover/" + feed + "?", blocker.auth()); // a reader with blocks: per-viewer query
            }
        }
        storyList("api/search/stories?q=" + word + "&", anonymous);
        storyList("api/search/stories?q=" + word + "&", blocker.auth());
        storyList("api/stories?author=" + author.id() + "&", anonymous);

        sameCount("api/blocks?", blocker.auth(), false);
        sameCount("api/profiles?prefix=" + prefix + "&", anonymous, false);
        sameCount("api/profiles?prefix=" + prefix + "&", blocked.get(0).auth(), false);
    }

    private void storyList(String path, String[] auth) {
        sameCount(path, auth, true);
    }

    /** Warm-up reads (pages of 3 and 4), then cold reads of 5 and 100: equal statement counts, and page 100 is fuller. */
    private void sameCount(String path, String[] auth, boolean dropStoryCaches) {
        HttpResponse<String> warm = api.get(path + "limit=3", auth); // with the consistency token: sees the data
        assertThat(warm.statusCode()).as(path + " " + warm.body()).isEqualTo(200);
        // and once as the counted reads go (no token): the reader's session and context are cached for them
        assertThat(api.app.get(path + "limit=4", auth).statusCode()).isEqualTo(200);
        if (dropStoryCaches) {
            dropStoryCaches();
        }
        HttpResponse<String> five = api.app.get(path + "limit=5", auth);
        if (dropStoryCaches) {
            dropStoryCaches();
        }
        HttpResponse<String> hundred = api.app.get(path + "limit=100", auth);
        assertThat(five.statusCode()).as(path + " " + five.body()).isEqualTo(200);
        assertThat(hundred.statusCode()).as(path + " " + hundred.body()).isEqualTo(200);
        assertThat(items(five.body())).as(path + " page of 5").isEqualTo(5);
        assertThat(items(hundred.body())).as(path + " page of 100").isGreaterThan(5);
        long at5 = statements(five);
        long at100 = statements(hundred);
        assertThat(at5).as(path + " reaches the database on a cold cache").isPositive();
        assertThat(at100).as(path + " statements for 100 rows vs for 5 (" + at5 + ")\n5: " + log(five) + "\n100: "
                + log(hundred)).isEqualTo(at5);
    }

    /** Items on a page: stories and profiles have an "id", block list entries a "userId". */
    private static long items(String page) {
        return ITEM.matcher(page).results().count();
    }

    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("\"(id|userId)\"\\s*:");

    private static String log(HttpResponse<String> r) {
        return r.headers().firstValue("MueJam-Statement-Log").orElse("");
    }

    private long statements(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue(HEADER)
                .orElseThrow(() -> new AssertionError("no " + HEADER + " header")));
    }

    /** A story change through the API: drops every cached story list (tag story_feeds) at commit. */
    private void dropStoryCaches() {
        HttpResponse<String> r = api.post("api/stories", "{\"title\":\"Invalidator\",\"body\":\"text\"}",
                invalidator.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static String word() {
        StringBuilder w = new StringBuilder("qx");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            w.append((char) ('a' + Character.digit(c, 16)));
        }
        return w.toString();
    }

    private long published(User author, String title, String genre) {
        HttpResponse<String> r = api.post("api/stories", "{\"title\":\"" + title + "\",\"body\":\"text\",\"genre\":\""
                + genre + "\"}", author.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = AppClient.id(r.body());
        HttpResponse<String> p = api.post("api/stories/" + id + "/publish", "", author.auth());
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        return id;
    }
}
