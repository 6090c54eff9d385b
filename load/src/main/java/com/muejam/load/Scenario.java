package com.muejam.load;

/** The suite's scenarios, in the order they run. */
public enum Scenario {
    CEILING("ceiling", "GET /api/ping: no database, no cache (the denominator)"),
    CACHED_FEED("cached-feed", "GET /api/discover/newest, anonymous (cached)"),
    STORY_BY_ID("story-by-id", "GET /api/stories/{id}, Zipf over the published stories, anonymous"),
    REPLICA_READ("replica-read", "GET /api/profiles?prefix=<4 chars> over every distinct 4-character username prefix (cached per prefix; misses reach a replica)"),
    WRITES("writes", "PATCH /api/stories/{id}: many signed-in users editing their own story"),
    MIX("mix-80-20", "80% signed-in reads (story 40, feed 30, profile search 10) / 20% edits, many users"),
    /** Only with two nodes: an edit on node A read back on node B by the same user (no token) and anonymously. */
    CROSS_NODE("cross-node", "PATCH on node A, then GET on node B as the same user at once and anonymously after the bound");

    /** The scenarios every run has (the cross-node one needs two nodes). */
    public static final java.util.List<Scenario> SINGLE_NODE =
            java.util.List.of(CEILING, CACHED_FEED, STORY_BY_ID, REPLICA_READ, WRITES, MIX);

    private final String id;
    private final String description;

    Scenario(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
