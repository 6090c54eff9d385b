package com.muejam.infrastructure.persistence;

import java.util.List;
import java.util.stream.Stream;

/** Every {@link HotQuery}, aggregate by aggregate: what the schema tests and the index tools iterate over. */
public final class HotQueries {

    /** All hot queries, in declaration order within each aggregate's enum. */
    public static final List<HotQuery> ALL = Stream.<HotQuery[]>of(
                    ProfileQuery.values(), StoryQuery.values(), ModerationQuery.values(), RateLimitQuery.values(),
                    AuditQuery.values(), NotificationQuery.values(), PrivacyQuery.values(), BlockQuery.values(),
                    SecurityQuery.values())
            .flatMap(Stream::of).toList();

    private HotQueries() {
    }
}
