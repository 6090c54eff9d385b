package com.muejam.domain.moderation;

/** Why a reader flagged content. */
public enum FlagReason {
    spam, harassment, hate, nsfw_unmarked, plagiarism, violence, other
}
