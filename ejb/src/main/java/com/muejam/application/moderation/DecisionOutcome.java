package com.muejam.application.moderation;

import com.muejam.domain.moderation.ContentFlag;

/**
 * The result of a decision: the flag as closed, the {@code moderation_actions} row written (null for
 * {@code resolve}), how many flags closed in all (other pending flags on a removed target close too) and how many
 * users were notified.
 */
public record DecisionOutcome(ContentFlag flag, Long actionId, int closedFlags, int notified) {
}
