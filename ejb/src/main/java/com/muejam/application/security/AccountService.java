package com.muejam.application.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.muejam.application.ConflictException;
import com.muejam.application.InvalidInputException;
import com.muejam.domain.profile.UserProfile;
import com.muejam.domain.profile.UserProfileRepository;
import com.muejam.domain.security.Credentials;
import com.muejam.domain.security.CredentialsRepository;
import com.muejam.domain.security.Role;

/** Sign-up and sign-in. Everything here runs on the primary: credentials must never be read from a lagging replica. */
@ApplicationScoped
public class AccountService {

    @Inject
    UserProfileRepository profiles;

    @Inject
    CredentialsRepository credentials;

    @Inject
    SignInSteps steps;

    @Inject
    LoginThrottle throttle;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    SecurityMetrics metrics;

    @Inject
    @ConfigProperty(name = "PASSWORD_PBKDF2_ITERATIONS", defaultValue = "600000")
    int iterations;

    private PasswordHasher hasher;
    /** Verified against for an unknown username, so that path costs what a wrong password costs. */
    private String dummyHash;

    @PostConstruct
    void init() {
        hasher = new PasswordHasher(iterations);
        dummyHash = PasswordHasher.unmatchable(iterations);
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
    public SignIn signIn(String username, char[] password, String ip, String userAgent) {
        return signIn(username, password, null, null, ip, userAgent);
    }

    /**
     * Checks the password (and, when the account has two-factor authentication, the second factor) and opens a
     * session. Not one transaction but three short ones, so no connection is held while PBKDF2 runs (~0.3-0.6 s at
     * the default work factor):
     * <ol>
     * <li>The attempt is reserved first ({@link LoginThrottle#reserve}: one atomic upsert per counter, committed):
     * a refused attempt ends here with 429 before any hashing, and parallel attempts cannot all slip past a check
     * that comes before their failures are recorded.</li>
     * <li>The stored hash is read; the password is verified with no transaction open: against the account's hash,
     * or for an unknown username against a dummy hash of the same work factor, so both cost the same.</li>
     * <li>A wrong password or an unknown username is recorded as a failure (and keeps its reservation), with the
     * same 401 for both. A right one goes on to {@link SignInSteps#complete} (second factor, success record,
     * reservation given back, session).</li>
     * </ol>
     */
    public SignIn signIn(String username, char[] password, String totp, String backupCode, String ip,
            String userAgent) {
        String typed = LoginThrottle.normalize(username);
        LoginThrottle.Reservation reservation = throttle.reserve(typed, ip);
        Optional<SignInSteps.Stored> stored = steps.byUsername(username);
        if (!verify(password, stored.map(SignInSteps.Stored::passwordHash))) {
            steps.failed(typed, ip);
            throw new AuthenticationFailedException("wrong username or password");
        }
        return steps.complete(stored.get(), totp, backupCode, typed, ip, userAgent, reservation);
    }

    /**
     * Turns two-factor authentication off, proven by a current code or a backup code ({@code code}) or else the
     * password, throttled like a sign-in on the same counters ({@code username} from {@code ip}): 429 once they are
     * full, a wrong code or password recorded as a failed attempt (400 naming the field). 409 when it is not
     * enabled; 400 when neither is given (no check is made, nothing is counted). The password is verified with no
     * transaction open.
     */
    public void disableSecondFactor(long userId, String username, String code, char[] password, String ip) {
        boolean byCode = code != null && !code.isBlank();
        if (!byCode && (password == null || password.length == 0)) {
            throw new InvalidInputException("code", "give a current code, a backup code or the password");
        }
        if (!twoFactor.status(userId).enabled()) {
            throw new ConflictException("two-factor authentication is not enabled");
        }
        String typed = LoginThrottle.normalize(username);
        LoginThrottle.Reservation reservation = throttle.reserve(typed, ip);
        if (byCode) {
            if (!twoFactor.disableWithCode(userId, code.trim())) {
                steps.failed(typed, ip);
                throw new InvalidInputException("code", "not a current code or an unused backup code");
            }
        } else {
            if (!verify(password, steps.passwordHashOf(userId))) {
                steps.failed(typed, ip);
                throw new InvalidInputException("password", "not the account's password");
            }
            twoFactor.disableProven(userId);
        }
        steps.release(reservation);
    }

    /** One PBKDF2 verification, against a dummy hash of the configured work factor when there is no hash. */
    private boolean verify(char[] password, Optional<String> hash) {
        metrics.passwordChecked();
        if (hash.isPresent()) {
            return hasher.verify(password, hash.get());
        }
        hasher.verify(password, dummyHash);
        return false;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
