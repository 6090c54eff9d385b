/** Sign-in security: login attempts (lockout, investigation), sessions, TOTP two-factor settings. */
package com.muejam.domain.security;
