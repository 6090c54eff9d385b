package com.muejam.application.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.caching.Regions;
import com.muejam.domain.privacy.BlockRepository;
import com.muejam.domain.privacy.PrivacySettings;
import com.muejam.domain.privacy.PrivacySettingsRepository;
import com.muejam.infrastructure.caching.CachedQuery;
import com.muejam.infrastructure.routing.ReadOnly;

/**
 * The reader side of privacy for story reads. {@link #context} is cached per user and invalidated by the tags the
 * privacy service emits on a settings change ({@code privacy:{id}}) and on a block or unblock, for both users
 * ({@code blocks:{id}}). Most readers have no block relation at all, so their feeds can be the shared ones.
 */
@ApplicationScoped
public class Viewers {

    @Inject
    PrivacySettingsRepository privacy;

    @Inject
    BlockRepository blocks;

    /** The viewer's NSFW opt-in and whether any block involves them; id 0 is the anonymous reader. */
    @ReadOnly
    @CachedQuery(region = Regions.USERS, tags = {"privacy:{0}", "blocks:{0}"})
    public ViewerContext context(long userId) {
        if (userId == 0) {
            return ViewerContext.ANONYMOUS;
        }
        boolean showNsfw = privacy.findByUser(userId).map(PrivacySettings::isShowNsfw).orElse(false);
        boolean hasBlocks = !blocks.blockList(userId, Long.MAX_VALUE, 1).isEmpty()
                || !blocks.blockersOf(userId, Long.MAX_VALUE, 1).isEmpty();
        return new ViewerContext(userId, showNsfw, hasBlocks);
    }

    /** Has either user blocked the other? (Uncached: asked only for viewers whose context has blocks.) */
    @ReadOnly
    public boolean related(long a, long b) {
        return a != b && (blocks.isBlocked(a, b) || blocks.isBlocked(b, a));
    }
}
