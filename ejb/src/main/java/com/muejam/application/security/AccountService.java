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

    /**
     * Checks the password and opens a session. Every attempt is recorded in {@code login_attempts}, whatever
     * its outcome. An unknown username costs the same hashing work as a wrong password.
     */
    @Transactional(dontRollbackOn = AuthenticationFailedException.class)
    public SignIn signIn(String username, char[] password, String ip, String userAgent) {
        OffsetDateTime now = now();
        String typed = username.toLowerCase(Locale.ROOT);
        var profile = profiles.findByUsername(username);
        var stored = profile.flatMap(p -> credentials.findByUser(p.getId()));
        boolean ok;
        if (stored.isPresent()) {
            ok = hasher.verify(password, stored.get().getPasswordHash());
        } else {
            hasher.burn(password);
            ok = false;
        }
        attempts.record(typed, ip, ok, now);
        if (!ok) {
            throw new AuthenticationFailedException("wrong username or password");
        }
        String token = SessionTokens.newToken();
        OffsetDateTime expires = now.plus(sessionTtl);
        sessions.add(new Session(profile.get().getId(), SessionTokens.hash(token), userAgent, now, expires));
        return new SignIn(token, expires, profile.get().getId(), profile.get().getUsername());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
