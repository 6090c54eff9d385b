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
 * The notification inbox over HTTP: unread newest first in keyset pages, the unread count following mark-read
 * and read-all (read-your-writes: the write's MueJam-Consistency value is sent back), and nobody else's
 * notifications.
 */
class NotificationsIT extends DeployedEarTest {

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(app);
    }

    @Test
    void anonymousCallersAre401() {
        assertProblem(api.get(null, "api/notifications"), 401);
        assertProblem(api.get(null, "api/notifications/unread-count"), 401);
        assertProblem(api.post(null, "api/notifications/read-all", "{}"), 401);
        assertProblem(api.post(null, "api/notifications/1/read", "{}"), 401);
    }

    @Test
    void unreadNewestFirstInPagesAndTheCountFollowsMarkRead() {
        User me = api.user("ninbox");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.notification(me.id(), 1_000_000L + i)); // distinct subjects: not coalesced
        }
        assertThat(number(api.get(me, "api/notifications/unread-count").body(), "unread")).isEqualTo(3);

        HttpResponse<String> first = api.get(me, "api/notifications?limit=2");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(numbers(first.body(), "id")).containsExactly(ids.get(2), ids.get(1));
        String next = text(first.body(), "next");
        assertThat(next).isNotNull();
        HttpResponse<String> second = api.get(me, "api/notifications?limit=2&cursor=" + next);
        assertThat(numbers(second.body(), "id")).containsExactly(ids.get(0));
        assertThat(text(second.body(), "next")).isNull();

        HttpResponse<String> read = api.post(me, "api/notifications/" + ids.get(1) + "/read", "{}");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(204);
        assertThat(read.headers().firstValue("MueJam-Consistency")).isPresent();
        assertThat(number(api.get(me, "api/notifications/unread-count").body(), "unread")).isEqualTo(2);
        assertThat(numbers(api.get(me, "api/notifications").body(), "id")).containsExactly(ids.get(2), ids.get(0));
        HttpResponse<String> all = api.get(me, "api/notifications?all=true");
        assertThat(numbers(all.body(), "id")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all.body()).contains("\"readAt\"").contains("\"payload\":{\"n\":1}");

        // marking it again changes nothing and is no error
        assertThat(api.post(me, "api/notifications/" + ids.get(1) + "/read", "{}").statusCode()).isEqualTo(204);

        HttpResponse<String> readAll = api.post(me, "api/notifications/read-all", "{}");
        assertThat(readAll.statusCode()).as(readAll.body()).isEqualTo(200);
        assertThat(number(readAll.body(), "marked")).isEqualTo(2);
        assertThat(number(api.get(me, "api/notifications/unread-count").body(), "unread")).isZero();
        assertThat(numbers(api.get(me, "api/notifications").body(), "id")).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL",
                me.id())).isZero();
    }

    @Test
    void someoneElsesNotificationOrAnUnknownIdIs404AndStaysUnread() {
        User owner = api.user("nowner");
        User other = api.user("nother");
        long id = api.notification(owner.id(), 2_000_000L);
        assertProblem(api.post(other, "api/notifications/" + id + "/read", "{}"), 404);
        assertProblem(api.post(other, "api/notifications/" + (Long.MAX_VALUE - 1) + "/read", "{}"), 404);
        assertThat(TestDatabase.count("SELECT count(*) FROM notifications WHERE id = ? AND read_at IS NULL", id))
                .isEqualTo(1);
        assertThat(numbers(api.get(other, "api/notifications?all=true").body(), "id")).doesNotContain(id);
        assertThat(number(api.post(other, "api/notifications/read-all", "{}").body(), "marked")).isZero();
        assertThat(number(api.get(owner, "api/notifications/unread-count").body(), "unread")).isEqualTo(1);
    }

    @Test
    void pageSizeAndCursorAreValidated() {
        User me = api.user("nval");
        assertBadField(api.get(me, "api/notifications?limit=101"), "limit");
        assertBadField(api.get(me, "api/notifications?limit=0"), "limit");
        assertBadField(api.get(me, "api/notifications?cursor=bm9wZQ"), "cursor");
    }
}
