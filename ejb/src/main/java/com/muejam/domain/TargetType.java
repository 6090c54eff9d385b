package com.muejam.domain;

/** What a flag, a moderation action or a notification is about (stored as its name, CHECK-constrained). */
public enum TargetType {
    story, profile
}
