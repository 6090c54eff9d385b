package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.domain.TimeCursor;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.security.LoginAttempt;
import com.muejam.domain.security.Session;
import com.muejam.domain.security.TwoFactorAuth;

class JpaSecurityRepositoryTest extends JpaTestSupport {

    JpaLoginAttemptRepository attempts() {
        JpaLoginAttemptRepository r = new JpaLoginAttemptRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    JpaSessionRepository sessions() {
        JpaSessionRepository r = new JpaSessionRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    JpaTwoFactorAuthRepository twoFactor() {
        JpaTwoFactorAuthRepository r = new JpaTwoFactorAuthRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    @Test
    void failuresAreCountedPerUsernameAndAddressInTheWindow() {
        attempts().record("Mallory", "192.0.2.66", false, now.minusMinutes(20)); // outside the window
        attempts().record("mallory", "192.0.2.66", false, now.minusMinutes(10));
        attempts().record("MALLORY ", "192.0.2.67", false, now.minusMinutes(5));
        attempts().record("mallory", "192.0.2.66", true, now.minusMinutes(1));
        attempts().record("trent", "192.0.2.66", false, now.minusMinutes(1));

        assertThat(attempts().failuresForUsernameSince("mallory", now.minusMinutes(15))).isEqualTo(2);
        assertThat(attempts().failuresForIpSince("192.0.2.66", now.minusMinutes(15))).isEqualTo(2);
        List<LoginAttempt> history = attempts().historyForUsername("Mallory", TimeCursor.newestFirst(), 2);
        assertThat(history).extracting(LoginAttempt::isSuccess).containsExactly(true, false);
        LoginAttempt last = history.get(1);
        assertThat(attempts().historyForUsername("mallory", new TimeCursor(last.getCreatedAt(), last.getId()), 10))
                .hasSize(2);
        assertThat(attempts().attemptsForIp("192.0.2.67", TimeCursor.newestFirst(), 10))
                .extracting(LoginAttempt::getIp).containsExactly("192.0.2.67");
        assertThat(attempts().recentFailures(TimeCursor.newestFirst(), 1)).extracting(LoginAttempt::getUsername)
                .containsExactly("trent");
        assertThat(attempts().purgeBefore(now.minusMinutes(15), 100)).isGreaterThanOrEqualTo(1);
        assertThat(attempts().historyForUsername("mallory", TimeCursor.newestFirst(), 10)).hasSize(3);
    }

    @Test
    void sessionsByTokenHashActiveListsAndRevocation() throws Exception {
        UserProfile u = user("session");
        Session current = sessions().add(new Session(u.getId(), sha256("token-1"), "Firefox", now.minusDays(1),
                now.plusDays(29)));
        Session other = sessions().add(new Session(u.getId(), sha256("token-2"), "Phone", now.minusHours(1),
                now.plusDays(30)));
        Session expired = sessions().add(new Session(u.getId(), sha256("token-3"), "Old", now.minusDays(40),
                now.minusDays(10)));
        clear();

        assertThat(sessions().findActiveByTokenHash(sha256("token-1"), now)).map(Session::getId)
                .contains(current.getId());
        assertThat(sessions().findActiveByTokenHash(sha256("token-3"), now)).isEmpty();
        assertThat(sessions().activeForUser(u.getId(), now, TimeCursor.newestFirst(), 10)).extracting(Session::getId)
                .containsExactly(other.getId(), current.getId());
        assertThat(sessions().revoke(sha256("token-2"), now)).isTrue();
        assertThat(sessions().revoke(sha256("token-2"), now)).isFalse();
        assertThat(sessions().activeForUser(u.getId(), now, TimeCursor.newestFirst(), 10)).extracting(Session::getId)
                .containsExactly(current.getId());
        assertThat(sessions().revokeAllForUser(u.getId(), now)).isEqualTo(1);
        assertThat(sessions().findActiveByTokenHash(sha256("token-1"), now)).isEmpty();
        assertThat(sessions().history(u.getId(), TimeCursor.newestFirst(), 10)).extracting(Session::getId)
                .containsExactly(other.getId(), current.getId(), expired.getId());
        assertThat(sessions().purgeExpired(now, 100)).isGreaterThanOrEqualTo(1);
        assertThat(sessions().history(u.getId(), TimeCursor.newestFirst(), 10)).hasSize(2);
    }

    @Test
    void twoFactorSettingsRoundTrip() throws Exception {
        UserProfile u = user("tfa");
        String code1 = hex(sha256("backup-1"));
        String code2 = hex(sha256("backup-2"));
        TwoFactorAuth tfa = new TwoFactorAuth(u.getId(), new byte[] {1, 2, 3}, List.of(code1, code2), now);
        tfa.enable();
        twoFactor().save(tfa);
        clear();
        TwoFactorAuth loaded = twoFactor().findByUser(u.getId()).orElseThrow();
        assertThat(loaded.isEnabled()).isTrue();
        assertThat(loaded.getSecret()).containsExactly(1, 2, 3);
        assertThat(loaded.consumeBackupCode(code1)).isTrue();
        assertThat(loaded.consumeBackupCode(code1)).isFalse();
        loaded.used(now);
        twoFactor().save(loaded);
        clear();
        assertThat(twoFactor().findByUser(u.getId()).orElseThrow().backupCodeHashes()).containsExactly(code2);
    }

    static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
