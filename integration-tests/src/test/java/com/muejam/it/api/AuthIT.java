package com.muejam.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;

/** Sign-up, sign-in and bearer authentication over HTTP. */
class AuthIT extends DeployedEarTest {

    @Test
    void signUpSignInAndTheTokenIdentifiesTheUser() {
        AppClient.User user = app.signUp("auth");
        HttpResponse<String> me = app.get("api/auth/me", user.auth());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + user.username() + "\"").contains("\"role\":\"user\"");
    }

    @Test
    void aTakenUsernameIs409IgnoringCase() {
        AppClient.User user = app.signUp("taken");
        HttpResponse<String> again = app.post("api/auth/signup", "{\"username\":\"" + user.username().toUpperCase()
                + "\",\"password\":\"" + AppClient.PASSWORD + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aShortPasswordOrBadUsernameIs400NamingTheField() {
        HttpResponse<String> r = app.post("api/auth/signup", "{\"username\":\"a b\",\"password\":\"short\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"password\"").contains("\"field\":\"username\"");
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401() {
        AppClient.User user = app.signUp("wrongpw");
        HttpResponse<String> wrong = app.post("api/auth/login",
                "{\"username\":\"" + user.username() + "\",\"password\":\"not the password\"}");
        HttpResponse<String> unknown = app.post("api/auth/login",
                "{\"username\":\"nobody_" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"whatever it is\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        // every attempt is recorded: the sign-in of signUp() succeeded, this one failed
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND success", user.username().toLowerCase()))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM login_attempts WHERE username = ? AND NOT success", user.username().toLowerCase()))
                .isEqualTo(1);
    }

    @Test
    void noTokenBadTokenAndAnotherSchemeAre401() {
        assertThat(app.get("api/auth/me").statusCode()).isEqualTo(401);
        HttpResponse<String> forged = app.get("api/auth/me", "Authorization", "Bearer " + "A".repeat(43));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(app.get("api/auth/me", "Authorization", "Bearer x' OR '1'='1").statusCode()).isEqualTo(401);
        assertThat(app.get("api/auth/me", "Authorization", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
    }
}
