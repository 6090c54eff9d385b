package com.muejam.application.moderation;

/**
 * What a moderator decides about a pending flag.
 * <ul>
 * <li>{@code resolve}: the report is upheld, no content change (the flag closes as {@code resolved}); there is
 * no action type for it, so no {@code moderation_actions} row: the flag's {@code resolved_by}/{@code resolved_at}
 * and the audit row record it;</li>
 * <li>{@code dismiss}: the report is rejected (flag {@code dismissed}, action {@code dismiss});</li>
 * <li>{@code remove_content}: a story is soft-deleted, a profile's display name and bio are cleared; this flag and
 * every other pending flag on the same target close as {@code resolved} (action {@code remove_content}).</li>
 * </ul>
 */
public enum Decision {
    resolve, dismiss, remove_content
}
