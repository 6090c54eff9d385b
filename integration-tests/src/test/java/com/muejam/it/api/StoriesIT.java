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

/** Stories over HTTP: who may write what, what each reader sees, keyset pages, mention notifications. */
class StoriesIT extends DeployedEarTest {

    ConsistentClient api;

    @BeforeEach
    void client() {
        api = new ConsistentClient(app);
    }

    @Test
    void theAuthorIsTheSignedInUserAndADraftIsTheAuthorsAlone() {
        User author = api.app.signUp("author");
        User other = api.app.signUp("other");
        HttpResponse<String> created = api.post("api/stories",
                "{\"title\":\"My draft\",\"body\":\"not yet\",\"genre\":\"fantasy\",\"nsfw\":false}", author.auth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"authorId\":" + author.id()).contains("\"status\":\"draft\"")
                .contains("\"genre\":\"fantasy\"");
        assertThat(created.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"\\d+\""));
        long id = AppClient.id(created.body());

        assertThat(api.get("api/stories/" + id, author.auth()).statusCode()).isEqualTo(200);
        assertThat(api.get("api/stories/" + id, other.auth()).statusCode()).as("someone else's draft").isEqualTo(404);
        assertThat(api.get("api/stories/" + id).statusCode()).as("anonymous, a draft").isEqualTo(404);

        HttpResponse<String> drafts = api.get("api/stories?author=" + author.id() + "&status=draft", author.auth());
        assertThat(drafts.statusCode()).as(drafts.body()).isEqualTo(200);
        assertThat(ids(drafts.body())).containsExactly(id);
        assertThat(api.get("api/stories?author=" + author.id() + "&status=draft", other.auth()).statusCode()).isEqualTo(403);
        assertThat(api.get("api/stories?author=" + author.id() + "&status=draft").statusCode()).isEqualTo(401);
        assertThat(ids(api.get("api/stories?author=" + author.id()).body())).as("published only").isEmpty();
    }

    @Test
    void onlyTheAuthorEditsAndPublishes() {
        User author = api.app.signUp("author");
        User other = api.app.signUp("other");
        long id = draft(author, "Before", "text");

        HttpResponse<String> foreign = api.patch("api/stories/" + id, "{\"title\":\"Hijacked\"}", other.auth());
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.patch("api/stories/" + id, "{\"title\":\"Anon\"}").statusCode()).isEqualTo(401);
        assertThat(api.post("api/stories/" + id + "/publish", "", other.auth()).statusCode()).isEqualTo(403);
        assertThat(api.post("api/stories/" + id + "/publish", "").statusCode()).isEqualTo(401);

        long v0 = version(author, id);
        HttpResponse<String> edited = api.patch("api/stories/" + id,
                "{\"title\":\"After\",\"genre\":\"horror\"}", author.auth());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body()).contains("\"title\":\"After\"").contains("\"body\":\"text\"")
                .contains("\"genre\":\"horror\"").contains("\"version\":" + (v0 + 1));
        assertThat(edited.headers().firstValue("ETag")).hasValue("\"" + (v0 + 1) + "\"");

        HttpResponse<String> published = api.post("api/stories/" + id + "/publish", "", author.auth());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("\"status\":\"published\"");
        HttpResponse<String> read = api.get("api/stories/" + id, other.auth());
        assertThat(read.statusCode()).as("published: anyone reads it").isEqualTo(200);
        assertThat(read.body()).contains("\"title\":\"After\"");
        assertThat(api.get("api/stories/" + id).statusCode()).isEqualTo(200);
        // unchanged in the database by the refused calls
        assertThat(TestDatabase.count("SELECT count(*) FROM stories WHERE id = ? AND title = 'After'", id)).isEqualTo(1);
    }

    @Test
    void aStaleVersionIs412WithIfMatchAnd409InTheBody() {
        User author = api.app.signUp("author");
        long id = draft(author, "Versioned", "v0");
        long v0 = version(author, id);
        assertThat(api.patch("api/stories/" + id, "{\"body\":\"v1\"}", author.auth("If-Match", "\"" + v0 + "\""))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> stale = api.patch("api/stories/" + id, "{\"body\":\"lost update\"}",
                author.auth("If-Match", "\"" + v0 + "\""));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"" + (v0 + 1) + "\"");
        HttpResponse<String> staleBody = api.patch("api/stories/" + id,
                "{\"body\":\"lost\",\"version\":" + v0 + "}", author.auth());
        assertThat(staleBody.statusCode()).as(staleBody.body()).isEqualTo(409);
        assertThat(TestDatabase.count("SELECT count(*) FROM stories WHERE id = ? AND body = 'v1' AND version = ?",
                id, v0 + 1)).isEqualTo(1);

        HttpResponse<String> blank = api.patch("api/stories/" + id, "{\"title\":\"   \"}", author.auth());
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"title\"");
        HttpResponse<String> tooLong = api.post("api/stories",
                "{\"title\":\"" + "x".repeat(301) + "\",\"body\":\"b\"}", author.auth());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"title\"");
    }

    @Test
    void softDeleteByTheAuthorOrAModeratorThen404() {
        User author = api.app.signUp("author");
        User other = api.app.signUp("other");
        long mine = published(author, "Delete me", "soon gone");
        long second = published(author, "Moderated", "rule-breaking");

        assertThat(api.delete("api/stories/" + mine, other.auth()).statusCode()).isEqualTo(403);
        assertThat(api.delete("api/stories/" + mine).statusCode()).isEqualTo(401);
        assertThat(api.delete("api/stories/" + mine, author.auth()).statusCode()).isEqualTo(204);
        assertThat(api.get("api/stories/" + mine, author.auth()).statusCode()).as("even for its author").isEqualTo(404);
        assertThat(api.get("api/stories/" + mine).statusCode()).isEqualTo(404);
        assertThat(api.delete("api/stories/" + mine, author.auth()).statusCode()).isEqualTo(404);
        assertThat(api.patch("api/stories/" + mine, "{\"title\":\"back\"}", author.auth()).statusCode()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM stories WHERE id = ? AND deleted", mine))
                .as("soft: the row stays").isEqualTo(1);

        User moderator = moderator();
        assertThat(api.delete("api/stories/" + second, moderator.auth()).statusCode()).isEqualTo(204);
        assertThat(api.get("api/stories/" + second).statusCode()).isEqualTo(404);
        assertThat(ids(api.get("api/stories?author=" + author.id()).body())).as("gone from the author's page").isEmpty();
    }

    @Test
    void onlyModeratorsFeatureAndOnlyPublishedStories() {
        User author = api.app.signUp("author");
        long story = published(author, "Feature me", "good");
        long draft = draft(author, "Not yet", "draft");

        assertThat(api.post("api/stories/" + story + "/feature", "", author.auth()).statusCode()).isEqualTo(403);
        assertThat(api.post("api/stories/" + story + "/feature", "").statusCode()).isEqualTo(401);

        User moderator = moderator();
        HttpResponse<String> featured = api.post("api/stories/" + story + "/feature", "", moderator.auth());
        assertThat(featured.statusCode()).as(featured.body()).isEqualTo(200);
        assertThat(featured.body()).contains("\"featured\":true");
        assertThat(ids(api.get("api/discover/featured?limit=100").body())).contains(story);
        assertThat(api.post("api/stories/" + draft + "/feature", "", moderator.auth()).statusCode())
                .as("a draft cannot be featured").isEqualTo(409);

        assertThat(api.delete("api/stories/" + story + "/feature", author.auth()).statusCode()).isEqualTo(403);
        HttpResponse<String> unfeatured = api.delete("api/stories/" + story + "/feature", moderator.auth());
        assertThat(unfeatured.statusCode()).isEqualTo(200);
        assertThat(unfeatured.body()).contains("\"featured\":false");
        assertThat(ids(api.get("api/discover/featured?limit=100").body())).doesNotContain(story);
    }

    @Test
    void theAuthorsPageIsKeysetPagedWithoutDuplicatesOrGaps() {
        User author = api.app.signUp("pager");
        List<Long> publishedOrder = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            publishedOrder.add(0, published(author, "Chapter " + i, "text " + i)); // newest first
        }
        draft(author, "Unpublished", "not on the page");

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = api.get("api/stories?author=" + author.id() + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            seen.addAll(ids(page.body()));
            cursor = next(page.body());
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(publishedOrder);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aBadLimitOrCursorIs400NamingIt() {
        User author = api.app.signUp("limits");
        for (String limit : List.of("0", "101", "-1")) {
            HttpResponse<String> r = api.get("api/stories?author=" + author.id() + "&limit=" + limit);
            assertThat(r.statusCode()).as("limit " + limit).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"limit\"");
        }
        HttpResponse<String> garbage = api.get("api/stories?author=" + author.id() + "&cursor=not-a-cursor!");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(garbage.body()).contains("\"field\":\"cursor\"");
        assertThat(api.get("api/stories?author=" + author.id() + "&status=deleted").statusCode()).isEqualTo(400);
        assertThat(api.get("api/stories").statusCode()).as("author is required").isEqualTo(400);
    }

    @Test
    void publishingNotifiesTheMentionedUsersButNotTheAuthorUnknownsOrBlockedUsers() {
        User author = api.app.signUp("writer");
        User ana = api.app.signUp("ana");
        User bob = api.app.signUp("bob");
        User blocker = api.app.signUp("blocker");
        User blocked = api.app.signUp("blocked");
        TestDatabase.update("INSERT INTO blocked_users (blocker_id, blocked_id) VALUES (?, ?)", blocker.id(), author.id());
        TestDatabase.update("INSERT INTO blocked_users (blocker_id, blocked_id) VALUES (?, ?)", author.id(), blocked.id());
        api.afterDatabaseWrite();

        long id = draft(author, "For @" + ana.username(),
                "Thanks @" + ana.username().toUpperCase() + " and @" + bob.username() + ". Also @" + author.username()
                        + ", @nobody_" + Long.toHexString(System.nanoTime()) + ", @" + blocker.username() + " and @"
                        + blocked.username() + "; mail me at x@" + bob.username());
        assertThat(TestDatabase.count("SELECT count(*) FROM notifications WHERE subject_type = 'story' AND subject_id = ?", id))
                .as("a draft notifies no one").isZero();

        assertThat(api.post("api/stories/" + id + "/publish", "", author.auth()).statusCode()).isEqualTo(200);
        for (User mentioned : List.of(ana, bob)) {
            assertThat(TestDatabase.count("SELECT count(*) FROM notifications WHERE recipient_id = ? AND type = 'mention'"
                    + " AND subject_type = 'story' AND subject_id = ? AND read_at IS NULL"
                    + " AND payload ->> 'authorUsername' = ?", mentioned.id(), id, author.username()))
                    .as("mention of " + mentioned.username()).isEqualTo(1);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM notifications WHERE subject_type = 'story' AND subject_id = ?", id))
                .as("only ana and bob, once each").isEqualTo(2);

        assertThat(api.post("api/stories/" + id + "/publish", "", author.auth()).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM notifications WHERE subject_type = 'story' AND subject_id = ?"
                + " AND payload ->> 'count' IS NULL", id)).as("publishing again notifies no one again").isEqualTo(2);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private long draft(User author, String title, String body) {
        HttpResponse<String> r = api.post("api/stories",
                "{\"title\":\"" + title + "\",\"body\":\"" + body + "\"}", author.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return AppClient.id(r.body());
    }

    private long published(User author, String title, String body) {
        long id = draft(author, title, body);
        HttpResponse<String> r = api.post("api/stories/" + id + "/publish", "", author.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return id;
    }

    /** The story's version, from the ETag of the author's read. */
    private long version(User author, long id) {
        HttpResponse<String> r = api.get("api/stories/" + id, author.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    private User moderator() {
        User user = api.app.signUp("mod");
        TestDatabase.promoteToModerator(user.id());
        return new User(user.id(), user.username(), api.app.signIn(user.username(), AppClient.PASSWORD));
    }
}
