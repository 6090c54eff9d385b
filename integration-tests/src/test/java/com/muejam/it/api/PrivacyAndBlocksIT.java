package com.muejam.it.api;

import static com.muejam.it.api.ApiClient.assertBadField;
import static com.muejam.it.api.ApiClient.assertProblem;
import static com.muejam.it.api.ApiClient.numbers;
import static com.muejam.it.api.ApiClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient.User;

/** Privacy settings (defaults, replace, validation) and blocks (idempotent, listed, removed) over HTTP. */
class PrivacyAndBlocksIT extends DeployedEarTest {

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(app);
    }

    @Test
    void settingsStartAtTheDefaultsAndAreReplacedByPut() {
        assertProblem(api.get(null, "api/privacy"), 401);
        assertProblem(api.put(null, "api/privacy", "{\"showNsfw\":true,\"profileVisibility\":\"private\",\"allowMessages\":false}"), 401);
        User me = api.user("pset");
        HttpResponse<String> defaults = api.get(me, "api/privacy");
        assertThat(defaults.statusCode()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.body()).contains("\"showNsfw\":false").contains("\"profileVisibility\":\"public\"")
                .contains("\"allowMessages\":true").doesNotContain("updatedAt");

        HttpResponse<String> put = api.put(me, "api/privacy",
                "{\"showNsfw\":true,\"profileVisibility\":\"followers\",\"allowMessages\":false}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("MueJam-Consistency")).isPresent();
        HttpResponse<String> after = api.get(me, "api/privacy");
        assertThat(after.body()).contains("\"showNsfw\":true").contains("\"profileVisibility\":\"followers\"")
                .contains("\"allowMessages\":false").contains("\"updatedAt\"");
        assertThat(TestDatabase.count("SELECT count(*) FROM privacy_settings WHERE user_id = ? AND show_nsfw"
                + " AND profile_visibility = 'followers' AND NOT allow_messages", me.id())).isEqualTo(1);

        assertThat(api.put(me, "api/privacy", "{\"showNsfw\":false,\"profileVisibility\":\"public\",\"allowMessages\":true}")
                .statusCode()).isEqualTo(200);
        assertThat(api.get(me, "api/privacy").body()).contains("\"profileVisibility\":\"public\"").contains("\"showNsfw\":false");
    }

    @Test
    void invalidSettingsAre400NamingTheField() {
        User me = api.user("pval");
        assertBadField(api.put(me, "api/privacy", "{\"showNsfw\":true,\"profileVisibility\":\"friends\",\"allowMessages\":true}"),
                "profileVisibility");
        assertBadField(api.put(me, "api/privacy", "{\"profileVisibility\":\"public\",\"allowMessages\":true}"), "showNsfw");
        assertBadField(api.put(me, "api/privacy", "{\"showNsfw\":true,\"profileVisibility\":\"public\"}"), "allowMessages");
        assertThat(TestDatabase.count("SELECT count(*) FROM privacy_settings WHERE user_id = ?", me.id())).isZero();
    }

    @Test
    void blocksAreIdempotentListedNewestFirstAndRemoved() {
        User me = api.user("bme");
        User a = api.user("ba");
        User b = api.user("bb");
        assertProblem(api.post(null, "api/blocks/" + a.username(), "{}"), 401);
        assertProblem(api.get(null, "api/blocks"), 401);

        HttpResponse<String> first = api.post(me, "api/blocks/" + a.username(), "{}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"created\":true");
        HttpResponse<String> again = api.post(me, "api/blocks/" + a.username().toUpperCase(), "{}");
        assertThat(again.statusCode()).as("idempotent, and usernames ignore case: " + again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"created\":false");
        assertThat(api.post(me, "api/blocks/" + b.username(), "{}").statusCode()).isEqualTo(201);
        assertThat(TestDatabase.count("SELECT count(*) FROM blocked_users WHERE blocker_id = ?", me.id())).isEqualTo(2);

        HttpResponse<String> page1 = api.get(me, "api/blocks?limit=1");
        assertThat(page1.statusCode()).as(page1.body()).isEqualTo(200);
        assertThat(numbers(page1.body(), "userId")).containsExactly(b.id());
        HttpResponse<String> page2 = api.get(me, "api/blocks?limit=1&cursor=" + text(page1.body(), "next"));
        assertThat(numbers(page2.body(), "userId")).containsExactly(a.id());
        assertThat(page2.body()).contains("\"username\":\"" + a.username() + "\"");
        HttpResponse<String> page3 = api.get(me, "api/blocks?limit=1&cursor=" + text(page2.body(), "next"));
        assertThat(numbers(page3.body(), "userId")).isEmpty();
        assertThat(text(page3.body(), "next")).isNull();

        HttpResponse<String> removed = api.delete(me, "api/blocks/" + a.username());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(numbers(api.get(me, "api/blocks").body(), "userId")).containsExactly(b.id());
        assertThat(api.delete(me, "api/blocks/" + a.username()).statusCode()).as("idempotent").isEqualTo(204);
        assertThat(TestDatabase.count("SELECT count(*) FROM blocked_users WHERE blocker_id = ? AND blocked_id = ?",
                me.id(), a.id())).isZero();
        assertThat(numbers(api.get(a, "api/blocks").body(), "userId")).as("a block is one-way").isEmpty();
    }

    @Test
    void blockingYourselfIs400AndUnknownUsersAre404() {
        User me = api.user("bself");
        assertBadField(api.post(me, "api/blocks/" + me.username(), "{}"), "username");
        assertProblem(api.post(me, "api/blocks/nobody_here_at_all", "{}"), 404);
        assertProblem(api.delete(me, "api/blocks/nobody_here_at_all"), 404);
        assertBadField(api.post(me, "api/blocks/x", "{}"), "username");
        assertBadField(api.get(me, "api/blocks?limit=101"), "limit");
        assertBadField(api.get(me, "api/blocks?cursor=!!!!"), "cursor");
        assertThat(TestDatabase.count("SELECT count(*) FROM blocked_users WHERE blocker_id = ?", me.id())).isZero();
    }

    @Test
    void aUserTheOwnerBlockedCannotSeeTheProfileUntilUnblocked() {
        User owner = api.user("bown");
        User viewer = api.user("bview");
        assertThat(api.get(viewer, "api/profiles/" + owner.username()).statusCode()).isEqualTo(200);
        assertThat(api.post(owner, "api/blocks/" + viewer.username(), "{}").statusCode()).isEqualTo(201);
        assertProblem(api.get(viewer, "api/profiles/" + owner.username()), 404);
        assertThat(api.get(null, "api/profiles/" + owner.username()).statusCode()).as("others still see it").isEqualTo(200);
        assertThat(api.delete(owner, "api/blocks/" + viewer.username()).statusCode()).isEqualTo(204);
        assertThat(api.get(viewer, "api/profiles/" + owner.username()).statusCode()).isEqualTo(200);
    }
}
