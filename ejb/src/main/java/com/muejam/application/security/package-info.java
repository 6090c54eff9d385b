/**
 * Sign-up, sign-in and bearer sessions: passwords hashed with the JDK's PBKDF2, session tokens that are random,
 * opaque and stored only as their SHA-256, and the lookup that turns a bearer token into an
 * {@link com.muejam.application.security.AuthenticatedUser} on the cached, routed read path.
 */
package com.muejam.application.security;
