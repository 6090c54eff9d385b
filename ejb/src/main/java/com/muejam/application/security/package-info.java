/**
 * Sign-up, sign-in and bearer sessions: passwords hashed with the JDK's PBKDF2, session tokens that are random,
 * opaque and stored only as their SHA-256, and the lookup that turns a bearer token into an
 * {@link com.muejam.application.security.AuthenticatedUser} on the cached read path. Around sign-in: the failure
 * throttle ({@link com.muejam.application.security.LoginThrottle}), TOTP two-factor
 * ({@link com.muejam.application.security.TwoFactorService}, {@link com.muejam.application.security.Totp}, secrets
 * sealed by {@link com.muejam.application.security.SecretCipher}), session management
 * ({@link com.muejam.application.security.SessionService}) and the fixed-window write limits
 * ({@link com.muejam.application.security.WriteRateLimits}).
 */
package com.muejam.application.security;
