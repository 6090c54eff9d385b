package com.muejam.it.api;

import static com.muejam.it.api.ApiClient.assertBadField;
import static com.muejam.it.api.ApiClient.assertProblem;
import static com.muejam.it.api.ApiClient.number;
import static com.muejam.it.api.ApiClient.numbers;
import static com.muejam.it.api.ApiClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient.User;

/** Profiles over HTTP: the public view and privacy, editing one's own, username prefix search. */
class ProfilesIT extends DeployedEarTest {

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(app);
    }

    @Test
    void aPublicProfileShowsToEveryoneAndUnknownOrMalformedNamesFail() {
        User u = api.user("ppub");
        HttpResponse<String> r = api.get(null, "api/profiles/" + u.username());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(number(r.body(), "id")).isEqualTo(u.id());
        assertThat(text(r.body(), "username")).isEqualTo(u.username());
        assertProblem(api.get(null, "api/profiles/nobody_here_at_all"), 404);
        assertBadField(api.get(null, "api/profiles/ab"), "username");
    }

    @Test
    void theOwnerEditsDisplayNameAndBioWithinLimits() {
        User u = api.user("pedit");
        assertProblem(api.put(null, "api/profiles/me", "{\"displayName\":\"X\"}"), 401);
        assertProblem(api.get(null, "api/profiles/me"), 401);
        assertBadField(api.put(u, "api/profiles/me", "{\"displayName\":\"" + "d".repeat(101) + "\"}"), "displayName");
        assertBadField(api.put(u, "api/profiles/me", "{\"bio\":\"" + "b".repeat(2001) + "\"}"), "bio");
        assertProblem(api.put(u, "api/profiles/me", "not json"), 400);
        // an empty or mistyped body must not wipe the profile
        assertBadField(api.put(u, "api/profiles/me", "{}"), "displayName");
        assertBadField(api.put(u, "api/profiles/me", "{\"display_name\":\"X\"}"), "displayName");

        HttpResponse<String> put = api.put(u, "api/profiles/me", "{\"displayName\":\"  Ana Writer \",\"bio\":\"Short stories.\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(text(put.body(), "displayName")).isEqualTo("Ana Writer");
        HttpResponse<String> seen = api.get(null, "api/profiles/" + u.username());
        assertThat(text(seen.body(), "displayName")).isEqualTo("Ana Writer");
        assertThat(text(seen.body(), "bio")).isEqualTo("Short stories.");
        assertThat(text(api.get(u, "api/profiles/me").body(), "bio")).isEqualTo("Short stories.");

        assertThat(api.put(u, "api/profiles/me", "{\"displayName\":\"Ana\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> cleared = api.get(null, "api/profiles/" + u.username());
        assertThat(text(cleared.body(), "displayName")).isEqualTo("Ana");
        assertThat(cleared.body()).as("PUT replaces: the bio was cleared").doesNotContain("\"bio\"");
    }

    @Test
    void aPrivateProfileShowsOnlyToItsOwnerAndModerators() {
        User owner = api.user("ppriv");
        User other = api.user("pother");
        User mod = api.moderator("ppmod");
        assertThat(api.put(owner, "api/privacy", "{\"showNsfw\":false,\"profileVisibility\":\"private\",\"allowMessages\":true}")
                .statusCode()).isEqualTo(200);

        assertProblem(api.get(null, "api/profiles/" + owner.username()), 404);
        assertProblem(api.get(other, "api/profiles/" + owner.username()), 404);
        assertThat(api.get(owner, "api/profiles/" + owner.username()).statusCode()).isEqualTo(200);
        assertThat(api.get(mod, "api/profiles/" + owner.username()).statusCode()).isEqualTo(200);

        String prefix = owner.username().substring(0, owner.username().length() - 2);
        assertThat(numbers(api.get(other, "api/profiles?prefix=" + prefix).body(), "id")).doesNotContain(owner.id());
        assertThat(numbers(api.get(owner, "api/profiles?prefix=" + prefix).body(), "id")).contains(owner.id());

        assertThat(api.put(owner, "api/privacy", "{\"showNsfw\":false,\"profileVisibility\":\"public\",\"allowMessages\":true}")
                .statusCode()).isEqualTo(200);
        assertThat(api.get(other, "api/profiles/" + owner.username()).statusCode()).isEqualTo(200);
    }

    @Test
    void prefixSearchIsCaseInsensitiveInUsernameOrderAndKeysetPaged() {
        String prefix = "srch" + Long.toString(System.nanoTime(), 36);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(api.user(prefix + i));
        }
        HttpResponse<String> first = api.get(null, "api/profiles?prefix=" + prefix.toUpperCase() + "&limit=2");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(numbers(first.body(), "id")).containsExactly(users.get(0).id(), users.get(1).id());
        String next = text(first.body(), "next");
        assertThat(next).isNotNull();
        HttpResponse<String> second = api.get(null, "api/profiles?prefix=" + prefix + "&limit=2&cursor=" + next);
        assertThat(numbers(second.body(), "id")).containsExactly(users.get(2).id());
        assertThat(text(second.body(), "next")).isNull();

        assertBadField(api.get(null, "api/profiles"), "prefix");
        assertBadField(api.get(null, "api/profiles?prefix="), "prefix");
        assertBadField(api.get(null, "api/profiles?prefix=a%25"), "prefix");
        assertBadField(api.get(null, "api/profiles?prefix=a&limit=101"), "limit");
        assertBadField(api.get(null, "api/profiles?prefix=a&cursor=AAAA"), "cursor");
    }
}
