/**
 * The signed-in user's own security settings over HTTP: sessions (list, revoke one, revoke all) and TOTP two-factor
 * authentication (setup, enable, disable). Resources only map HTTP; the rules live in
 * {@code com.muejam.application.security}.
 */
package com.muejam.interfaces.rest.security;
