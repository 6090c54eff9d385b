package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.muejam.domain.TimeCursor;
import com.muejam.domain.audit.AuditLog;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.ratelimit.RateLimitEntry;
import com.muejam.domain.ratelimit.RateLimitRepository;

class JpaRateLimitAndAuditRepositoryTest extends JpaTestSupport {

    JpaRateLimitRepository limits() {
        JpaRateLimitRepository r = new JpaRateLimitRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    JpaAuditLogRepository audit() {
        JpaAuditLogRepository r = new JpaAuditLogRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    @Test
    void hitsCountPerKeyAndWindowAndOldWindowsArePurged() {
        OffsetDateTime window = RateLimitRepository.windowStart(now, Duration.ofMinutes(1));
        assertThat(window.getSecond()).isZero();
        assertThat(limits().hit("login:ip:203.0.113.9", window)).isEqualTo(1);
        assertThat(limits().hit("login:ip:203.0.113.9", window)).isEqualTo(2);
        assertThat(limits().hit("login:ip:203.0.113.9", window.plusMinutes(1))).isEqualTo(1);
        assertThat(limits().hit("login:ip:198.51.100.1", window)).isEqualTo(1);
        clear();
        RateLimitEntry entry = limits().find("login:ip:203.0.113.9", window).orElseThrow();
        assertThat(entry.getHitCount()).isEqualTo(2);
        assertThat(entry.getWindowStart()).isEqualTo(window);

        assertThat(limits().purgeBefore(window.plusMinutes(1), 1)).isEqualTo(1);
        assertThat(limits().purgeBefore(window.plusMinutes(1), 100)).isGreaterThanOrEqualTo(1);
        assertThat(limits().find("login:ip:203.0.113.9", window)).isEmpty();
        assertThat(limits().find("login:ip:203.0.113.9", window.plusMinutes(1))).isPresent();
    }

    @Test
    void hitBelowCountsUpToTheLimitThenChangesNothingAndUnhitGivesBack() {
        OffsetDateTime window = RateLimitRepository.windowStart(now, Duration.ofMinutes(15));
        String key = "login.fail:ua:alice|203.0.113.9";
        for (int i = 1; i <= 5; i++) {
            assertThat(limits().hitBelow(key, window, 5)).hasValue(i);
        }
        assertThat(limits().hitBelow(key, window, 5)).isEmpty();
        assertThat(limits().hitBelow(key, window, 5)).isEmpty();
        clear();
        assertThat(limits().find(key, window).orElseThrow().getHitCount()).isEqualTo(5);
        // another window, another key: counted apart
        assertThat(limits().hitBelow(key, window.plusMinutes(15), 5)).hasValue(1);
        assertThat(limits().hitBelow("login.fail:u:alice", window, 5)).hasValue(1);

        limits().unhit(key, window);
        assertThat(limits().hitBelow(key, window, 5)).hasValue(5);
        for (int i = 0; i < 7; i++) {
            limits().unhit(key, window);
        }
        limits().unhit("login.fail:ua:nobody|192.0.2.1", window); // no row: nothing happens
        clear();
        assertThat(limits().find(key, window).orElseThrow().getHitCount()).isZero();
        assertThat(limits().find("login.fail:ua:nobody|192.0.2.1", window)).isEmpty();
    }

    @Test
    void auditSearchesByActorTargetActionAndAddress() {
        UserProfile actor = user("auditor");
        long e1 = audit().append(actor.getId(), "story.publish", "story", 77L, "203.0.113.7", now.minusMinutes(3));
        long e2 = audit().append(actor.getId(), "story.delete", "story", 77L, "2001:db8::1", now.minusMinutes(2));
        long e3 = audit().append(null, "system.purge", null, null, null, now.minusMinutes(1));
        clear();

        assertThat(audit().byActor(actor.getId(), now.minusHours(1), TimeCursor.newestFirst(), 10))
                .extracting(AuditLog::getId).containsExactly(e2, e1);
        assertThat(audit().byActor(actor.getId(), now.minusMinutes(2), TimeCursor.newestFirst(), 10))
                .extracting(AuditLog::getId).containsExactly(e2);
        assertThat(audit().byTarget("story", 77L, now.minusHours(1), new TimeCursor(now.minusMinutes(2), e2), 10))
                .extracting(AuditLog::getId).containsExactly(e1);
        assertThat(audit().byAction("system.purge", now.minusHours(1), TimeCursor.newestFirst(), 10))
                .extracting(AuditLog::getId, AuditLog::getActorId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(e3, null));
        AuditLog v6 = audit().byIp("2001:db8::1", now.minusHours(1), TimeCursor.newestFirst(), 10).get(0);
        assertThat(v6.getId()).isEqualTo(e2);
        assertThat(v6.getIp()).isEqualTo("2001:db8::1");
        assertThat(v6.getCreatedAt()).isEqualTo(now.minusMinutes(2));

        assertThat(audit().purgeBefore(now.minusMinutes(2), 100)).isGreaterThanOrEqualTo(1);
        assertThat(audit().byActor(actor.getId(), now.minusHours(1), TimeCursor.newestFirst(), 10))
                .extracting(AuditLog::getId).containsExactly(e2);
    }
}
