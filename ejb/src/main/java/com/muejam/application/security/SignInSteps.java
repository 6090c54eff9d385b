package com.muejam.application.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.security.CredentialsRepository;
import com.muejam.domain.security.LoginAttemptRepository;
import com.muejam.domain.security.Session;
import com.muejam.domain.security.SessionRepository;

/**
 * The database parts of a sign-in ({@link AccountService}), each a short transaction of its own on the primary, so
 * the password hashing between them holds no connection.
 */
@ApplicationScoped
public class SignInSteps {

    /** The stored password of an account: its id, its name as stored, its hash. */
    public record Stored(long userId, String username, String passwordHash) {
    }

    @Inject
    UserProfileRepository profiles;

    @Inject
    CredentialsRepository credentials;

    @Inject
    SessionRepository sessions;

    @Inject
    LoginAttemptRepository attempts;

    @Inject
    LoginThrottle throttle;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    SecurityMetrics metrics;

    @Inject
    @ConfigProperty(name = "SESSION_TTL", defaultValue = "P30D")
    Duration sessionTtl;

    /** The account's stored password, read on the primary (never a lagging replica); empty for an unknown name. */
    @Transactional
    public Optional<Stored> byUsername(String username) {
        return profiles.findByUsername(username).flatMap(p -> credentials.findByUser(p.getId())
                .map(c -> new Stored(p.getId(), p.getUsername(), c.getPasswordHash())));
    }

    /** The password hash of a signed-in user. */
    @Transactional
    public Optional<String> passwordHashOf(long userId) {
        return credentials.findByUser(userId).map(c -> c.getPasswordHash());
    }

    /** Records a failed check (a wrong password, an unknown username, a wrong code); its reservation stays taken. */
    @Transactional
    public void failed(String typed, String ip) {
        attempts.record(typed, ip, false, now());
        metrics.login(SecurityMetrics.Outcome.FAILURE);
    }

    /** Gives back a reservation that does not count as a failure. */
    @Transactional
    public void release(LoginThrottle.Reservation reservation) {
        throttle.release(reservation);
    }

    /**
     * The password was right: checks the second factor when the account has one, then records the success, gives
     * the reservation back and opens a session, in one transaction. A right password without any second factor
     * for an account that needs one is not recorded and gives the reservation back (it is the first half of a
     * normal two-step sign-in and must not lock the user out); a wrong or replayed second factor is a failure and
     * keeps it (so codes cannot be guessed without throttling).
     */
    @Transactional(dontRollbackOn = AuthenticationFailedException.class)
    public SignIn complete(Stored who, String totp, String backupCode, String typed, String ip, String userAgent,
            LoginThrottle.Reservation reservation) {
        OffsetDateTime now = now();
        var second = twoFactor.enabledForUpdate(who.userId());
        if (second.isPresent()) {
            boolean given = (totp != null && !totp.isBlank()) || (backupCode != null && !backupCode.isBlank());
            if (!given) {
                throttle.release(reservation);
                metrics.login(SecurityMetrics.Outcome.SECOND_FACTOR_REQUIRED);
                throw new SecondFactorRequiredException("this account requires a second factor: send the current "
                        + "authenticator code as \"totp\" or a backup code as \"backupCode\"", false);
            }
            if (!twoFactor.checkLocked(second.get(), totp, backupCode)) {
                attempts.record(typed, ip, false, now);
                metrics.login(SecurityMetrics.Outcome.FAILURE);
                throw new SecondFactorRequiredException("the second factor is not valid (wrong, expired, already "
                        + "used or not a backup code of this account)", true);
            }
        }
        attempts.record(typed, ip, true, now);
        throttle.release(reservation);
        metrics.login(SecurityMetrics.Outcome.SUCCESS);
        String token = SessionTokens.newToken();
        OffsetDateTime expires = now.plus(sessionTtl);
        sessions.add(new Session(who.userId(), SessionTokens.hash(token), userAgent, now, expires));
        return new SignIn(token, expires, who.userId(), who.username());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
