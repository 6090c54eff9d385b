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

/**
 * Flags and moderation decisions over HTTP: who may do what (401/403), the 404/409/400 paths, the audit rows
 * written with each flag and decision, the content change of a removal, and the notifications decisions send.
 */
class ModerationIT extends DeployedEarTest {

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(app);
    }

    private static String flagJson(String type, long id, String reason) {
        return "{\"targetType\":\"" + type + "\",\"targetId\":" + id + ",\"reason\":\"" + reason
                + "\",\"details\":\"see chapter 2\"}";
    }

    private long flag(User reporter, String type, long id) {
        HttpResponse<String> r = api.post(reporter, "api/flags", flagJson(type, id, "spam"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return number(r.body(), "id");
    }

    @Test
    void flaggingNeedsASignedInUserAValidBodyAndAnExistingTarget() {
        User author = api.user("mflag");
        long story = api.story(author.id());
        assertProblem(api.post(null, "api/flags", flagJson("story", story, "spam")), 401);

        User reader = api.user("mflagr");
        assertBadField(api.post(reader, "api/flags", flagJson("story", story, "boring")), "reason");
        assertBadField(api.post(reader, "api/flags", flagJson("comment", story, "spam")), "targetType");
        assertBadField(api.post(reader, "api/flags", "{\"targetType\":\"story\",\"reason\":\"spam\"}"), "targetId");
        assertBadField(api.post(reader, "api/flags", "{\"targetType\":\"story\",\"targetId\":" + story
                + ",\"reason\":\"spam\",\"details\":\"" + "x".repeat(2001) + "\"}"), "details");
        assertProblem(api.post(reader, "api/flags", flagJson("story", Long.MAX_VALUE - 7, "spam")), 404);
        assertProblem(api.post(reader, "api/flags", flagJson("profile", Long.MAX_VALUE - 7, "spam")), 404);
        assertThat(TestDatabase.count("SELECT count(*) FROM content_flags WHERE reporter_id = ?", reader.id())).isZero();
    }

    @Test
    void aFlagIsAuditedAndASecondPendingFlagOnTheSameTargetIs409() {
        User author = api.user("mdup");
        long story = api.story(author.id());
        User reader = api.user("mdupr");

        HttpResponse<String> first = api.post(reader, "api/flags", flagJson("story", story, "plagiarism"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/moderation/flags/"));
        assertThat(text(first.body(), "status")).isEqualTo("pending");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_logs WHERE actor_id = ? AND action = 'content.flag'"
                + " AND target_type = 'story' AND target_id = ? AND ip IS NOT NULL", reader.id(), story)).isEqualTo(1);

        assertProblem(api.post(reader, "api/flags", flagJson("story", story, "spam")), 409);
        assertThat(TestDatabase.count("SELECT count(*) FROM content_flags WHERE reporter_id = ? AND target_id = ?",
                reader.id(), story)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_logs WHERE actor_id = ? AND action = 'content.flag'",
                reader.id())).as("the refused flag wrote no audit row").isEqualTo(1);
    }

    @Test
    void moderatorEndpointsAre401AnonymousAnd403ForUsers() {
        User author = api.user("mauth");
        long flag = flag(api.user("mauthr"), "story", api.story(author.id()));
        List<String> reads = List.of("api/moderation/queue", "api/moderation/flags/" + flag,
                "api/moderation/actions", "api/moderation/targets/story/1/flags");
        for (String path : reads) {
            assertProblem(api.get(null, path), 401);
            assertProblem(api.get(author, path), 403);
        }
        assertProblem(api.post(null, "api/moderation/flags/" + flag + "/actions", "{\"action\":\"dismiss\"}"), 401);
        assertProblem(api.post(author, "api/moderation/flags/" + flag + "/actions", "{\"action\":\"dismiss\"}"), 403);
        assertThat(TestDatabase.count("SELECT count(*) FROM content_flags WHERE id = ? AND status = 'pending'", flag))
                .isEqualTo(1);
    }

    @Test
    void theQueueIsOldestFirstInKeysetPages() {
        User author = api.user("mqueue");
        User reader = api.user("mqueuer");
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(flag(reader, "story", api.story(author.id())));
        }
        User mod = api.moderator("mqmod");

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> r = api.get(mod, "api/moderation/queue?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            List<Long> ids = numbers(r.body(), "id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            assertThat(r.body()).doesNotContain("\"status\":\"resolved\"").doesNotContain("\"status\":\"dismissed\"");
            seen.addAll(ids);
            cursor = text(r.body(), "next");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsSubsequence(mine); // oldest first: our three in the order they were filed

        assertBadField(api.get(mod, "api/moderation/queue?limit=101"), "limit");
        assertBadField(api.get(mod, "api/moderation/queue?limit=0"), "limit");
        assertBadField(api.get(mod, "api/moderation/queue?cursor=garbage!"), "cursor");
        assertBadField(api.get(mod, "api/moderation/queue?reason=boring"), "reason");
    }

    @Test
    void dismissClosesTheFlagNotifiesTheReporterAndASecondDecisionIs409() {
        User author = api.user("mdis");
        long story = api.story(author.id());
        User reporter = api.user("mdisr");
        long flag = flag(reporter, "story", story);
        User mod = api.moderator("mdismod");
        assertThat(number(api.get(reporter, "api/notifications/unread-count").body(), "unread")).isZero();

        HttpResponse<String> r = api.post(mod, "api/moderation/flags/" + flag + "/actions",
                "{\"action\":\"dismiss\",\"note\":\"not spam\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(text(r.body(), "status")).isEqualTo("dismissed");
        assertThat(number(r.body(), "resolvedBy")).isEqualTo(mod.id());
        assertThat(number(r.body(), "actionId")).isNotNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM moderation_actions WHERE flag_id = ? AND action = 'dismiss'"
                + " AND moderator_id = ? AND note = 'not spam'", flag, mod.id())).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_logs WHERE actor_id = ? AND action = 'moderation.dismiss'"
                + " AND target_type = 'story' AND target_id = ?", mod.id(), story)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM stories WHERE id = ? AND NOT deleted", story))
                .as("a dismissal leaves the content alone").isEqualTo(1);

        // the reporter learns the outcome (read-your-writes: the moderator's token travels with the client)
        HttpResponse<String> inbox = api.get(reporter, "api/notifications");
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"type\":\"moderation\"").contains("\"event\":\"flag_dismissed\"")
                .contains("\"flagId\":" + flag);
        assertThat(number(api.get(reporter, "api/notifications/unread-count").body(), "unread")).isEqualTo(1);
        assertThat(number(api.get(author, "api/notifications/unread-count").body(), "unread"))
                .as("a dismissal does not concern the author").isZero();

        HttpResponse<String> again = api.post(mod, "api/moderation/flags/" + flag + "/actions", "{\"action\":\"resolve\"}");
        assertProblem(again, 409);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_logs WHERE actor_id = ? AND action LIKE 'moderation.%'",
                mod.id())).as("the refused decision wrote no audit row").isEqualTo(1);

        // the moderator's log and the target's history
        HttpResponse<String> log = api.get(mod, "api/moderation/actions?moderator=" + mod.id());
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(log.body()).contains("\"flagId\":" + flag).contains("\"action\":\"dismiss\"");
        HttpResponse<String> own = api.get(mod, "api/moderation/actions");
        assertThat(own.body()).as("the caller's own log by default").isEqualTo(log.body());
        HttpResponse<String> history = api.get(mod, "api/moderation/targets/story/" + story + "/flags");
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(numbers(history.body(), "id")).containsExactly(flag);
        assertThat(text(history.body(), "status")).isEqualTo("dismissed");
    }

    @Test
    void resolveUpholdsTheReportWithoutAnActionRow() {
        User author = api.user("mres");
        long story = api.story(author.id());
        User reporter = api.user("mresr");
        long flag = flag(reporter, "story", story);
        User mod = api.moderator("mresmod");

        HttpResponse<String> r = api.post(mod, "api/moderation/flags/" + flag + "/actions", "{\"action\":\"resolve\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(text(r.body(), "status")).isEqualTo("resolved");
        assertThat(r.body()).as("no action row, no actionId (nulls are omitted)").doesNotContain("\"actionId\"");
        assertThat(TestDatabase.count("SELECT count(*) FROM moderation_actions WHERE flag_id = ?", flag)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_logs WHERE actor_id = ? AND action = 'moderation.resolve'"
                + " AND target_id = ?", mod.id(), story)).isEqualTo(1);
        assertThat(api.get(reporter, "api/notifications").body()).contains("\"event\":\"flag_resolved\"");
        // a decided flag leaves the queue; the reporter may flag the target again
        HttpResponse<String> again = api.post(reporter, "api/flags", flagJson("story", story, "spam"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }

    @Test
    void removeContentSoftDeletesTheStoryClosesEveryPendingFlagAndNotifiesEveryone() {
        User author = api.user("mrem");
        long story = api.story(author.id());
        User first = api.user("mrem1");
        User second = api.user("mrem2");
        long flag1 = flag(first, "story", story);
        long flag2 = flag(second, "story", story);
        User mod = api.moderator("mremmod");

        HttpResponse<String> r = api.post(mod, "api/moderation/flags/" + flag1 + "/actions",
                "{\"action\":\"remove_content\",\"note\":\"stolen text\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(number(r.body(), "closedFlags")).isEqualTo(2);
        assertThat(number(r.body(), "notified")).isEqualTo(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM stories WHERE id = ? AND deleted", story)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM content_flags WHERE target_type = 'story' AND target_id = ?"
                + " AND status = 'resolved' AND resolved_by = ?", story, mod.id())).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM moderation_actions WHERE flag_id = ? AND action = 'remove_content'",
                flag1)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_logs WHERE actor_id = ? AND action = 'moderation.remove_content'"
                + " AND target_type = 'story' AND target_id = ?", mod.id(), story)).isEqualTo(1);

        HttpResponse<String> other = api.get(mod, "api/moderation/flags/" + flag2);
        assertThat(text(other.body(), "status")).isEqualTo("resolved");
        assertProblem(api.post(mod, "api/moderation/flags/" + flag2 + "/actions", "{\"action\":\"dismiss\"}"), 409);

        assertThat(api.get(author, "api/notifications").body()).contains("\"event\":\"content_removed\"")
                .contains("\"subjectId\":" + story);
        assertThat(api.get(first, "api/notifications").body()).contains("\"event\":\"flag_resolved\"");
        assertThat(api.get(second, "api/notifications").body()).contains("\"event\":\"flag_resolved\"");
        assertThat(api.get(mod, "api/moderation/targets/story/" + story + "/actions").body())
                .contains("\"action\":\"remove_content\"");

        // a removed story can no longer be flagged, but its history stays readable
        assertProblem(api.post(first, "api/flags", flagJson("story", story, "spam")), 404);
        assertThat(numbers(api.get(mod, "api/moderation/targets/story/" + story + "/flags").body(), "id"))
                .containsExactly(flag2, flag1);
    }

    @Test
    void removingAProfilesContentClearsItsDisplayNameAndBio() {
        User target = api.user("mprof");
        assertThat(api.put(target, "api/profiles/me", "{\"displayName\":\"Spammy\",\"bio\":\"buy now\"}").statusCode())
                .isEqualTo(200);
        long flag = flag(api.user("mprofr"), "profile", target.id());
        User mod = api.moderator("mprofmod");

        HttpResponse<String> r = api.post(mod, "api/moderation/flags/" + flag + "/actions", "{\"action\":\"remove_content\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        HttpResponse<String> profile = api.get(null, "api/profiles/" + target.username());
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(profile.body()).doesNotContain("Spammy").doesNotContain("buy now")
                .doesNotContain("\"displayName\"").doesNotContain("\"bio\"");
        assertThat(api.get(target, "api/notifications").body()).contains("\"event\":\"content_removed\"");
    }

    @Test
    void decisionsValidateTheActionAndNeedAnExistingFlag() {
        User mod = api.moderator("mval");
        User author = api.user("mvala");
        long flag = flag(api.user("mvalr"), "story", api.story(author.id()));
        assertBadField(api.post(mod, "api/moderation/flags/" + flag + "/actions", "{\"action\":\"ban\"}"), "action");
        assertBadField(api.post(mod, "api/moderation/flags/" + flag + "/actions", "{}"), "action");
        assertBadField(api.post(mod, "api/moderation/flags/" + flag + "/actions",
                "{\"action\":\"dismiss\",\"note\":\"" + "n".repeat(2001) + "\"}"), "note");
        assertProblem(api.post(mod, "api/moderation/flags/" + (Long.MAX_VALUE - 3) + "/actions", "{\"action\":\"dismiss\"}"), 404);
        assertProblem(api.get(mod, "api/moderation/flags/" + (Long.MAX_VALUE - 3)), 404);
        assertProblem(api.get(mod, "api/moderation/targets/story/" + (Long.MAX_VALUE - 3) + "/flags"), 404);
        assertBadField(api.get(mod, "api/moderation/targets/comment/1/flags"), "type");
        assertThat(TestDatabase.count("SELECT count(*) FROM content_flags WHERE id = ? AND status = 'pending'", flag))
                .isEqualTo(1);
    }
}
