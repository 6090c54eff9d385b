package com.muejam.application.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.application.ConflictException;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.security.Credentials;
import com.muejam.domain.security.CredentialsRepository;
import com.muejam.domain.security.LoginAttemptRepository;
import com.muejam.domain.security.Role;
import com.muejam.domain.security.Session;
import com.muejam.domain.security.SessionRepository;

/** Sign-up and sign-in. Everything here runs on the primary: credentials must never be read from a lagging replica. */
@ApplicationScoped
public class AccountService {

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
    @ConfigProperty(name = "PASSWORD_PBKDF2_ITERATIONS", defaultValue = "600000")
    int iterations;

    @Inject
    @ConfigProperty(name = "SESSION_TTL", defaultValue = "P30D")
    Duration sessionTtl;

    private PasswordHasher hasher;

    @PostConstruct
    void init() {
        hasher = new PasswordHasher(iterations);
    }

    /** Creates a profile and its credentials; the username is unique ignoring case. */
    @Transactional
    public UserProfile signUp(String username, char[] password, String displayName) {
        if (profiles.findByUsername(username).isPresent()) {
            throw new ConflictException("username " + username + " is taken");
        }
        OffsetDateTime now = now();
        UserProfile profile = profiles.add(new UserProfile(username, displayName, now));
        credentials.add(new Credentials(profile.getId(), hasher.hash(password), Role.user, now));
        return profile;
    }

    /** {@link #signIn(String, char[], String, String, String, String)} without a second factor. */
    @Transactional(dontRollbackOn = AuthenticationFailedException.class)
    public SignIn signIn(String username, char[] password, String ip, String userAgent) {
        return signIn(username, password, null, null, ip, userAgent);
    }

    /**
     * Checks the password (and, when the account has two-factor authentication, the second factor) and opens a
     * session.
     * <ol>
     * <li>The throttle ({@link LoginThrottle}) comes first, before any hashing: a throttled attempt costs two indexed
     * reads on the primary and is <em>not</em> recorded (it checked nothing; counting it as a failure would keep
     * the lock closed for as long as a client keeps retrying and make {@code Retry-After} untrue).</li>
     * <li>Every attempt that is checked is recorded in {@code login_attempts}: a wrong password or an unknown
     * username (which costs the same hashing work) as a failure, a wrong or replayed second factor as a failure
     * (so codes cannot be guessed without throttling), a completed sign-in as a success. A right password
     * without any second factor for an account that needs one is not recorded: it is the first half of a normal
     * two-step sign-in and must not lock the user out.</li>
     * </ol>
     */
    @Transactional(dontRollbackOn = AuthenticationFailedException.class)
    public SignIn signIn(String username, char[] password, String totp, String backupCode, String ip,
            String userAgent) {
        OffsetDateTime now = now();
        String typed = username.toLowerCase(Locale.ROOT);
        throttle.check(typed, ip, now);
        var profile = profiles.findByUsername(username);
        var stored = profile.flatMap(p -> credentials.findByUser(p.getId()));
        boolean ok;
        if (stored.isPresent()) {
            ok = hasher.verify(password, stored.get().getPasswordHash());
        } else {
            hasher.burn(password);
            ok = false;
        }
        if (!ok) {
            attempts.record(typed, ip, false, now);
            metrics.login(SecurityMetrics.Outcome.FAILURE);
            throw new AuthenticationFailedException("wrong username or password");
        }
        long userId = profile.get().getId();
        var second = twoFactor.enabledForUpdate(userId);
        if (second.isPresent()) {
            boolean given = (totp != null && !totp.isBlank()) || (backupCode != null && !backupCode.isBlank());
            if (!given) {
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
        metrics.login(SecurityMetrics.Outcome.SUCCESS);
        String token = SessionTokens.newToken();
        OffsetDateTime expires = now.plus(sessionTtl);
        sessions.add(new Session(userId, SessionTokens.hash(token), userAgent, now, expires));
        return new SignIn(token, expires, userId, profile.get().getUsername());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
