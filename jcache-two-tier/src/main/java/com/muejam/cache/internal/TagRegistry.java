package com.muejam.cache.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's view of the version counters that make invalidation O(1): one per tag ({@code t:<tag>}) and one
 * generation per cache ({@code g:<cache>}). The authoritative counters live in Redis; this table is kept current by
 * the invalidation messages, so checking an L1 entry costs no round trip. A version is fetched from Redis only the
 * first time this node needs it.
 *
 * <p>Entries remember the {@link State} objects and the versions they were loaded under; an entry is valid while
 * every state still holds the remembered version. Dropping knowledge (after a reconnect, or when the table is full)
 * marks states {@link #RETIRED}, which invalidates every entry that refers to them without touching the entries.
 */
final class TagRegistry {

    public static final long UNKNOWN = Long.MIN_VALUE;
    public static final long RETIRED = Long.MIN_VALUE + 1;

    /** One counter as this node knows it. */
    public static final class State {
        private static final AtomicLongFieldUpdater<State> VERSION =
                AtomicLongFieldUpdater.newUpdater(State.class, "version");

        final String id;
        volatile long version = UNKNOWN;

        State(String id) {
            this.id = id;
        }

        public long version() {
            return version;
        }

        /** Raises the version (never lowers it; a retired state stays retired). */
        void advance(long v) {
            long cur;
            do {
                cur = version;
                if (cur == RETIRED || (cur != UNKNOWN && cur >= v)) {
                    return;
                }
            } while (!VERSION.compareAndSet(this, cur, v));
        }

        /** Sets a node-local version (L2 unreachable): always changes the value unless retired. */
        void setLocal(long v) {
            long cur;
            do {
                cur = version;
                if (cur == RETIRED) {
                    return;
                }
            } while (!VERSION.compareAndSet(this, cur, v));
        }

        void retire() {
            version = RETIRED;
        }

        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return id + "@" + version;
        }
    }

    /** Versions observed at one moment (before a load starts). */
    public static final class Capture {
        public final State[] states;
        public final long[] versions;

        Capture(State[] states, long[] versions) {
            this.states = states;
            this.versions = versions;
        }

        /** Still the current versions on this node. */
        public boolean isCurrent() {
            return TagRegistry.isCurrent(states, versions);
        }

        /** Every version came from Redis (none is node-local), so an entry under them may go to L2. */
        public boolean isShared() {
            for (long v : versions) {
                if (v < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
    private final String keyPrefix;
    private final long tagTtlMillis;
    private final int maxStates;
    private final RedisL2 l2;
    /** Node-local versions while Redis is unreachable: negative, so smaller than any Redis version. */
    private final AtomicLong localVersions = new AtomicLong(-2);
    final LongAdder bumpsSent = new LongAdder();
    final LongAdder bumpsReceived = new LongAdder();

    TagRegistry(String namespace, long tagTtlMillis, int maxStates, RedisL2 l2) {
        this.keyPrefix = namespace + ":v:";
        this.tagTtlMillis = tagTtlMillis;
        this.maxStates = maxStates;
        this.l2 = l2;
    }

    public static String tagId(String tag) {
        return "t:" + tag;
    }

    public static String generationId(String cacheName) {
        return "g:" + cacheName;
    }

    String redisKey(String id) {
        return keyPrefix + id;
    }

    private long ttlOf(String id) {
        // Generations have no TTL: their expiry would look like a clear of an eternal cache.
        return id.startsWith("g:") ? 0 : tagTtlMillis;
    }

    public static boolean isCurrent(State[] states, long[] versions) {
        for (int i = 0; i < states.length; i++) {
            long v = states[i].version;
            if (v != versions[i] || v == RETIRED || v == UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** The state of {@code id}, fetched from Redis if this node does not know it yet. */
    public State state(String id) {
        return capture(new String[] {id}).states[0];
    }

    /** Current versions of {@code ids}, resolving the unknown ones with one Redis call (or locally if it is down). */
    public Capture capture(String[] ids) {
        if (states.size() > maxStates) {
            retireTags();
        }
        State[] st = new State[ids.length];
        List<State> unknown = null;
        for (int i = 0; i < ids.length; i++) {
            State s = states.get(ids[i]);
            if (s == null || s.version == RETIRED) {
                State fresh = new State(ids[i]);
                State prev = s == null ? states.putIfAbsent(ids[i], fresh) : (states.replace(ids[i], s, fresh) ? null : states.get(ids[i]));
                s = prev == null ? fresh : prev;
            }
            st[i] = s;
            if (s.version == UNKNOWN) {
                if (unknown == null) {
                    unknown = new ArrayList<>();
                }
                unknown.add(s);
            }
        }
        if (unknown != null) {
            resolve(unknown);
        }
        long[] versions = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            versions[i] = st[i].version;
        }
        return new Capture(st, versions);
    }

    private void resolve(List<State> unknown) {
        List<String> keys = new ArrayList<>(unknown.size());
        long[] ttls = new long[unknown.size()];
        for (int i = 0; i < unknown.size(); i++) {
            keys.add(redisKey(unknown.get(i).id));
            ttls[i] = ttlOf(unknown.get(i).id);
        }
        try {
            long[] v = l2.readVersions(keys, ttls);
            for (int i = 0; i < v.length; i++) {
                unknown.get(i).advance(v[i]);
            }
        } catch (L2Unavailable e) {
            for (State s : unknown) {
                if (s.version == UNKNOWN) {
                    s.setLocal(localVersions.decrementAndGet());
                }
            }
        }
    }

    /**
     * Invalidates {@code ids} everywhere: increments them in Redis (which publishes the new versions to every node)
     * and applies the new versions here before returning. If Redis is unreachable, only this node's versions move
     * and false is returned: the caller queues the ids for replay.
     */
    boolean bump(List<String> ids, String origin) {
        List<String> keys = new ArrayList<>(ids.size());
        long[] ttls = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            keys.add(redisKey(ids.get(i)));
            ttls[i] = ttlOf(ids.get(i));
        }
        try {
            long[] v = l2.bump(keys, ids, ttls, origin);
            for (int i = 0; i < v.length; i++) {
                State s = states.get(ids.get(i));
                if (s != null) {
                    s.advance(v[i]);
                }
            }
            bumpsSent.increment();
            return true;
        } catch (L2Unavailable e) {
            bumpLocally(ids);
            return false;
        }
    }

    /** Moves versions on this node only (Redis unreachable). */
    void bumpLocally(List<String> ids) {
        for (String id : ids) {
            State s = states.get(id);
            if (s != null) {
                s.setLocal(localVersions.decrementAndGet());
            }
        }
    }

    /** A version from a message or a script reply. */
    void onVersion(String id, long version) {
        State s = states.get(id);
        if (s != null) {
            s.advance(version);
        }
        bumpsReceived.increment();
    }

    /** Current values read back from Redis after a refused fill; "" means the counter is gone. */
    void catchUp(String[] ids, String[] current) {
        for (int i = 0; i < ids.length; i++) {
            State s = states.get(ids[i]);
            if (s == null) {
                continue;
            }
            if (current[i] == null || current[i].isEmpty()) {
                if (states.remove(ids[i], s)) {
                    s.retire();
                }
            } else {
                s.advance(Long.parseLong(current[i]));
            }
        }
    }

    /** Forgets everything (after a reconnect: messages may have been lost). */
    void retireAll() {
        for (State s : states.values()) {
            if (states.remove(s.id, s)) {
                s.retire();
            }
        }
    }

    private void retireTags() {
        for (State s : states.values()) {
            if (s.id.startsWith("t:") && states.remove(s.id, s)) {
                s.retire();
            }
        }
    }

    public long bumpsSent() {
        return bumpsSent.sum();
    }

    public long bumpsReceived() {
        return bumpsReceived.sum();
    }

    public int size() {
        return states.size();
    }

    String[] versionKeys(String[] ids) {
        String[] k = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            k[i] = redisKey(ids[i]);
        }
        return k;
    }
}
