package com.muejam.domain.security;

/** What a signed-in user may do beyond their own content (stored as the name, CHECK-constrained). */
public enum Role {
    user, moderator
}
