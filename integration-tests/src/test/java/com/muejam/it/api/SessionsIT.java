package com.muejam.it.api;

import static com.muejam.it.api.SecurityClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;

/**
 * Own sessions: listed (keyset pages, the current one marked, no token or hash), revoked one by one, all at once
 * (optionally keeping the current one) or signed out; a revoked token is refused on the very next request even
 * though the session was cached by a request just before (the revocation invalidates it after commit).
 */
class SessionsIT extends DeployedEarTest {

    private static String[] auth(String token, String... more) {
        String[] all = new String[2 + more.length];
        all[0] = "Authorization";
        all[1] = bearer(token);
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }

    private int me(String token) {
        return app.get("api/auth/me", auth(token)).statusCode();
    }

    @Test
    void listsOwnActiveSessionsNewestFirstInKeysetPagesMarkingTheCurrentOne() {
        AppClient.User user = app.signUp("sessions");
        String second = app.signIn(user.username(), AppClient.PASSWORD);
        String third = app.signIn(user.username(), AppClient.PASSWORD);
        app.signUp("other_sessions"); // someone else's session must not show

        HttpResponse<String> all = app.get("api/sessions", user.auth());
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        List<Long> ids = SecurityClient.ids(all.body());
        assertThat(ids).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all.body()).containsOnlyOnce("\"current\":true").doesNotContain("token").doesNotContain("hash")
                .doesNotContain(user.token()).doesNotContain(second).doesNotContain(third);
        // the first sign-in (signUp's token) is the oldest, and the caller's
        assertThat(all.body().indexOf("\"current\":true")).isGreaterThan(all.body().indexOf("\"id\":" + ids.get(1)));

        HttpResponse<String> page1 = app.get("api/sessions?limit=2", user.auth());
        assertThat(SecurityClient.ids(page1.body())).containsExactly(ids.get(0), ids.get(1));
        String next = SecurityClient.string(page1.body(), "next");
        assertThat(next).isNotNull();
        HttpResponse<String> page2 = app.get("api/sessions?limit=2&before=" + next, user.auth());
        assertThat(page2.statusCode()).as(page2.body()).isEqualTo(200);
        assertThat(SecurityClient.ids(page2.body())).containsExactly(ids.get(2));
        assertThat(page2.body()).doesNotContain("\"next\"");
    }

    @Test
    void badPagingIs400NamingTheParameterAndAnonymousIs401() {
        AppClient.User user = app.signUp("sessions_bad");
        assertThat(app.get("api/sessions?limit=0", user.auth()).body()).contains("\"field\":\"limit\"");
        HttpResponse<String> tooMany = app.get("api/sessions?limit=101", user.auth());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"limit\"");
        HttpResponse<String> cursor = app.get("api/sessions?before=not-a-cursor", user.auth());
        assertThat(cursor.statusCode()).isEqualTo(400);
        assertThat(cursor.body()).contains("\"field\":\"before\"");
        assertThat(app.get("api/sessions").statusCode()).isEqualTo(401);
        assertThat(app.delete("api/sessions/1").statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedSessionIsRefusedOnTheNextRequest() {
        AppClient.User user = app.signUp("revoke");
        String second = app.signIn(user.username(), AppClient.PASSWORD);
        assertThat(me(second)).isEqualTo(200); // cached now
        assertThat(me(second)).isEqualTo(200);
        long secondId = sessionIdOf(second);

        HttpResponse<String> revoked = app.delete("api/sessions/" + secondId, user.auth());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        assertThat(me(second)).isEqualTo(401);
        assertThat(me(user.token())).isEqualTo(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM sessions WHERE id = ? AND revoked_at IS NOT NULL", secondId))
                .isEqualTo(1);

        // already revoked: 404; the list (read after the revocation's consistency token) no longer shows it
        assertThat(app.delete("api/sessions/" + secondId, user.auth()).statusCode()).isEqualTo(404);
        String[] headers = revoked.headers().firstValue(AppClient.CONSISTENCY)
                .map(c -> user.auth(AppClient.CONSISTENCY, c)).orElse(user.auth());
        HttpResponse<String> list = app.get("api/sessions", headers);
        assertThat(SecurityClient.ids(list.body())).doesNotContain(secondId).hasSize(1);
    }

    @Test
    void anotherUsersSessionIs404AndKeepsWorking() {
        AppClient.User owner = app.signUp("owner");
        AppClient.User intruder = app.signUp("intruder");
        long ownersSession = sessionIdOf(owner.token());
        HttpResponse<String> r = app.delete("api/sessions/" + ownersSession, intruder.auth());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(me(owner.token())).isEqualTo(200);
        assertThat(app.delete("api/sessions/" + Long.MAX_VALUE, intruder.auth()).statusCode()).isEqualTo(404);
    }

    @Test
    void revokeAllKeepingTheCurrentOneThenEverything() {
        AppClient.User user = app.signUp("revokeall");
        String second = app.signIn(user.username(), AppClient.PASSWORD);
        String third = app.signIn(user.username(), AppClient.PASSWORD);
        assertThat(me(second)).isEqualTo(200);
        assertThat(me(third)).isEqualTo(200);
        AppClient.User bystander = app.signUp("bystander");

        HttpResponse<String> others = app.delete("api/sessions?keepCurrent=true", user.auth());
        assertThat(others.statusCode()).as(others.body()).isEqualTo(200);
        assertThat(others.body()).contains("\"revoked\":2");
        assertThat(me(second)).isEqualTo(401);
        assertThat(me(third)).isEqualTo(401);
        assertThat(me(user.token())).isEqualTo(200);
        assertThat(me(bystander.token())).isEqualTo(200);

        String fourth = app.signIn(user.username(), AppClient.PASSWORD);
        assertThat(me(fourth)).isEqualTo(200);
        HttpResponse<String> everything = app.delete("api/sessions", user.auth());
        assertThat(everything.body()).contains("\"revoked\":2");
        assertThat(me(user.token())).isEqualTo(401);
        assertThat(me(fourth)).isEqualTo(401);
        assertThat(me(bystander.token())).isEqualTo(200);
    }

    @Test
    void signOutEndsTheCurrentSessionOnly() {
        AppClient.User user = app.signUp("logout");
        String other = app.signIn(user.username(), AppClient.PASSWORD);
        assertThat(me(user.token())).isEqualTo(200);
        HttpResponse<String> out = app.post("api/auth/logout", "{}", user.auth());
        assertThat(out.statusCode()).as(out.body()).isEqualTo(204);
        assertThat(me(user.token())).isEqualTo(401);
        assertThat(me(other)).isEqualTo(200);
        assertThat(app.post("api/auth/logout", "{}", user.auth()).statusCode()).isEqualTo(401);
    }

    /** The id of the session a token opened, from its owner's list (where it is the current one). */
    private long sessionIdOf(String token) {
        HttpResponse<String> list = app.get("api/sessions?limit=100", auth(token));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        String body = list.body();
        int current = body.indexOf("\"current\":true");
        int idAt = body.lastIndexOf("\"id\":", current);
        return SecurityClient.ids(body.substring(idAt)).get(0);
    }
}
