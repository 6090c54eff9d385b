package com.muejam.cache.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import org.ehcache.Cache;

/**
 * The two tiers of one cache on this node: an Ehcache heap cache (L1) in front of Redis (L2), and the protocol that
 * keeps them coherent. It knows nothing of JSR-107 semantics (listeners, expiry policies, statistics): the JCache
 * implementation and the query cache build on the primitives here.
 *
 * <ul>
 * <li>{@link #lookup}: L1 if its copy is current, else L2 (copying the entry into L1), else absent.</li>
 * <li>{@link #read}: the authoritative state for a conditional write (L2; L1 while L2 is unreachable).</li>
 * <li>{@link #commit}: compare-and-set on L2 plus an invalidation message to the other nodes, then L1.</li>
 * <li>{@link #fill}: stores a loaded value only if the tag versions it was loaded under are still current.</li>
 * </ul>
 */
final class CacheStore {

    private static final String[] NO_TAGS = new String[0];
    private static final TagRegistry.State[] NO_STATES = new TagRegistry.State[0];
    private static final long[] NO_VERSIONS = new long[0];

    public final String name;
    private final Node node;
    final Cache<String, L1Entry> l1;
    final String l1Alias;
    final KeySequencer seq = new KeySequencer();
    private final String keyPrefix;
    private final String scanPattern;
    private final String generationId;
    private final boolean byReference;
    private final long l1TtlMillis;
    private final long graceMillis;
    public final TierStats stats = new TierStats();
    public final Codecs codecs;

    CacheStore(Node node, String name, Cache<String, L1Entry> l1, String l1Alias, boolean byReference, Codecs codecs) {
        this.node = node;
        this.name = name;
        this.l1 = l1;
        this.l1Alias = l1Alias;
        this.byReference = byReference;
        this.codecs = codecs;
        // The length prefix keeps "a" from matching the keys of a cache named "a:b" in SCAN patterns.
        this.keyPrefix = node.config.namespace() + ":e:" + name.length() + ":" + name + ":";
        this.scanPattern = globEscape(keyPrefix) + "*";
        this.generationId = TagRegistry.generationId(name);
        this.l1TtlMillis = node.config.l1Ttl().toMillis();
        this.graceMillis = node.config.expiryGrace().toMillis();
        generation();
    }

    /** A view of an entry: from L1, from L2, or "nothing". */
    public static class Snapshot {
        /** Stamp of what physically exists in the store read (0: nothing). */
        public final long stamp;
        /** Not invalidated by a clear or a tag. */
        public final boolean current;
        public final long expireAt;
        final byte[] payload;
        final Object ref;
        /** The physical L1 entry (the compare-and-set token when L2 is unreachable). */
        final L1Entry l1;
        /** Read from L1 because L2 is unreachable: a commit must stay local too. */
        public final boolean local;
        /** Served from L1 without touching L2. */
        public final boolean l1Hit;

        Snapshot(long stamp, boolean current, long expireAt, byte[] payload, Object ref, L1Entry l1, boolean local,
                 boolean l1Hit) {
            this.stamp = stamp;
            this.current = current;
            this.expireAt = expireAt;
            this.payload = payload;
            this.ref = ref;
            this.l1 = l1;
            this.local = local;
            this.l1Hit = l1Hit;
        }

        /** Logically present and not expired. */
        public boolean isPresent(long now) {
            return stamp != 0 && current && now < expireAt;
        }

        /** Logically present but its expiry has passed (the caller reports the expiry and removes it). */
        public boolean isExpired(long now) {
            return stamp != 0 && current && now >= expireAt;
        }
    }

    private static Snapshot fromL1(L1Entry e, boolean local, boolean hit) {
        return new Snapshot(e.stamp, true, e.expireAt, e.payload, e.ref, e, local, hit);
    }

    public boolean isByReference() {
        return byReference;
    }

    public String redisKey(String key) {
        return keyPrefix + key;
    }

    /** This cache's generation as this node knows it (a clear moves it). */
    TagRegistry.State generation() {
        return node.tags.state(generationId);
    }

    public boolean l2Usable() {
        return node.l2.usable();
    }

    /** The value of a snapshot: the cached object for by-reference caches, a fresh copy otherwise. */
    public Object value(Snapshot s) {
        if (byReference && s.ref != null) {
            return s.ref;
        }
        return codecs.decodeValue(s.payload);
    }

    /** The raw L1 copy (may be invalid): the hot path of the query cache checks {@link L1Entry#isValid()}. */
    public L1Entry l1Get(String key) {
        return l1.get(key);
    }

    /** L1 copy if it is current (no network). */
    public L1Entry l1Current(String key, long now) {
        L1Entry e = l1.get(key);
        return e != null && e.isCurrent(now) ? e : null;
    }

    /**
     * The entry for a read: L1 if current, else L2 (copying a current entry into L1), else nothing. Counts tier
     * hits and misses. A returned snapshot may be expired or not current: the caller decides what that means.
     */
    public Snapshot lookup(String key, long now) {
        L1Entry e = l1.get(key);
        if (e != null && e.isCurrent(now)) {
            stats.l1Hits.increment();
            return fromL1(e, !l2Usable(), true);
        }
        stats.l1Misses.increment();
        long fence = seq.current(key);
        if (l2Usable() && !codecs.isLocalKey(key) && (e == null || !e.localOnly)) {
            try {
                Snapshot s = readL2(key, now, e);
                if (s.isPresent(now)) {
                    stats.l2Hits.increment();
                    install(key, fence, s, now);
                } else {
                    stats.l2Misses.increment();
                }
                return s;
            } catch (L2Unavailable unavailable) {
                // fall back to L1 below
            }
        }
        stats.l2Misses.increment();
        // L2 unreachable: L1 is all there is; an L1 copy that is not current is absent.
        if (e != null && e.isCurrent(now)) {
            return fromL1(e, true, true);
        }
        return new Snapshot(e == null ? 0 : e.stamp, false, 0, null, null, e, true, false);
    }

    /** The authoritative entry for a conditional write: L2, or L1 while L2 is unreachable. */
    public Snapshot read(String key, long now) {
        L1Entry e = l1.get(key);
        if (l2Usable() && !codecs.isLocalKey(key) && (e == null || !e.localOnly)) {
            try {
                return readL2(key, now, e);
            } catch (L2Unavailable unavailable) {
                // below
            }
        }
        if (e == null) {
            return new Snapshot(0, false, 0, null, null, null, true, false);
        }
        return new Snapshot(e.stamp, e.isCurrent(now), e.expireAt, e.payload, e.ref, e, true, false);
    }

    private Snapshot readL2(String key, long now, L1Entry l1e) {
        StoredEntry se = StoredEntry.decode(node.l2.get(redisKey(key)));
        if (se == null) {
            return new Snapshot(0, false, 0, null, null, l1e, false, false);
        }
        boolean current = isCurrent(se);
        Object ref = byReference && l1e != null && l1e.stamp == se.stamp ? l1e.ref : null;
        return new L2Snapshot(se, current, ref, l1e);
    }

    /** A snapshot read from L2, remembering the stored entry to copy it into L1. */
    static final class L2Snapshot extends Snapshot {
        final StoredEntry stored;

        L2Snapshot(StoredEntry se, boolean current, Object ref, L1Entry l1e) {
            super(se.stamp, current, se.expireAt, se.payload, ref, l1e, false, false);
            this.stored = se;
        }
    }

    private boolean isCurrent(StoredEntry se) {
        TagRegistry.State gen = generation();
        if (gen.version() != se.generation) {
            return false;
        }
        if (se.tags.length == 0) {
            return true;
        }
        TagRegistry.Capture c = node.tags.capture(tagIds(se.tags));
        return Arrays.equals(c.versions, se.versions);
    }

    /** Copies an entry read from L2 into L1 unless a write or invalidation of its key happened since {@code fence}. */
    private void install(String key, long fence, Snapshot s, long now) {
        if (!(s instanceof L2Snapshot)) {
            return;
        }
        StoredEntry se = ((L2Snapshot) s).stored;
        long l1Expire = l1ExpireAt(se.expireAt, now);
        if (l1Expire <= now) {
            return;
        }
        TagRegistry.State gen = generation();
        TagRegistry.State[] states = NO_STATES;
        if (se.tags.length > 0) {
            states = node.tags.capture(tagIds(se.tags)).states;
        }
        Object ref = byReference ? (s.ref != null ? s.ref : codecs.decodeValue(se.payload)) : null;
        L1Entry e = new L1Entry(ref, byReference ? null : se.payload, se.stamp, se.expireAt, l1Expire, gen,
                se.generation, se.tags, states, se.versions, false);
        putFenced(key, fence, e);
    }

    private void putFenced(String key, long fence, L1Entry e) {
        l1.put(key, e);
        if (seq.current(key) != fence) {
            l1.remove(key, e);
        }
    }

    private long l1ExpireAt(long expireAt, long now) {
        long cap = now + l1TtlMillis;
        return Math.min(expireAt, cap);
    }

    private long pxFor(long expireAt, long now) {
        if (expireAt == StoredEntry.ETERNAL) {
            return 0;
        }
        return Math.max(1, expireAt - now + graceMillis);
    }

    static String[] tagIds(String[] tags) {
        String[] ids = new String[tags.length];
        for (int i = 0; i < tags.length; i++) {
            ids[i] = TagRegistry.tagId(tags[i]);
        }
        return ids;
    }

    private static long newStamp() {
        long s;
        do {
            s = ThreadLocalRandom.current().nextLong();
        } while (s == 0 || s == -1);
        return s;
    }

    /**
     * Replaces the entry {@code expected} (stamp 0: none) with {@code value} (null: removes it), expiring at
     * {@code expireAt}. False if the entry changed since {@code expected} was read: the caller re-reads and
     * decides again. While L2 is unreachable the write goes to L1 only and the key is queued for invalidation.
     */
    public boolean commit(String key, Snapshot expected, Object value, long expireAt, long now) {
        return commit(key, expected, value, expireAt, now, NO_TAGS, null);
    }

    /** A snapshot that matches whatever is stored: an unconditional write. */
    public static final Snapshot ANY = new Snapshot(-1, false, 0, null, null, null, false, false);

    /**
     * {@link #commit(String, Snapshot, Object, long, long)} of a tagged value; {@code tagCapture} holds the tags'
     * current versions (index 0 is the generation, as from {@link #captureForLoad}).
     */
    public boolean commit(String key, Snapshot expected, Object value, long expireAt, long now, String[] tags,
                          TagRegistry.Capture tagCapture) {
        long[] tagVersions = NO_VERSIONS;
        TagRegistry.State[] tagStates = NO_STATES;
        if (tagCapture != null && tags.length > 0) {
            tagVersions = Arrays.copyOfRange(tagCapture.versions, 1, tagCapture.versions.length);
            tagStates = Arrays.copyOfRange(tagCapture.states, 1, tagCapture.states.length);
            if (!tagCapture.isShared()) {
                return commitLocal(key, null, false, value, value == null ? null : codecs.encodeValue(value),
                        expireAt, now, true);
            }
        }
        if (codecs.isLocalKey(key)) {
            return commitLocal(key, expected.l1, expected.local, value, null, expireAt, now, false);
        }
        if (value != null && byReference && !Codecs.isSerializable(value)) {
            // A by-reference value that cannot be serialized lives in this node's L1 only; the L2 copy goes.
            if (!expected.local && l2Usable()) {
                try {
                    if (!node.l2.compareAndSet(redisKey(key), expected.stamp, null, 0, node.keyMessage(name, key, 0))) {
                        return false;
                    }
                } catch (L2Unavailable e) {
                    return commitLocal(key, null, false, value, null, expireAt, now, true);
                }
                return commitLocal(key, null, false, value, null, expireAt, now, false);
            }
            return commitLocal(key, expected.l1, expected.local, value, null, expireAt, now, true);
        }
        byte[] payload = value == null ? null : codecs.encodeValue(value);
        if (!expected.local && l2Usable()) {
            TagRegistry.State gen = generation();
            long genVersion = gen.version();
            if (genVersion >= 0) {
                long fence = seq.current(key);
                long stamp = newStamp();
                byte[] stored = payload == null ? null
                        : new StoredEntry(stamp, genVersion, expireAt, tags, tagVersions, payload).encode();
                boolean ok;
                try {
                    ok = node.l2.compareAndSet(redisKey(key), expected.stamp, !expected.current, stored,
                            payload == null ? 0 : pxFor(expireAt, now), node.keyMessage(name, key, payload == null ? 0 : stamp));
                } catch (L2Unavailable e) {
                    // Unknown whether Redis applied it: drop it from L1 now and from L2 on recovery.
                    return commitLocal(key, null, false, value, payload, expireAt, now, true);
                }
                if (!ok) {
                    return false;
                }
                stats.writes.increment();
                long mine = seq.bump(key);
                if (value != null && mine == fence + 1 && expireAt > now) {
                    L1Entry e = new L1Entry(byReference ? value : null, byReference ? null : payload, stamp, expireAt,
                            l1ExpireAt(expireAt, now), gen, genVersion, tags, tagStates, tagVersions, false);
                    putFenced(key, mine, e);
                } else {
                    l1.remove(key);
                }
                return true;
            }
        }
        return commitLocal(key, expected.l1, expected.local, value, payload, expireAt, now, true);
    }

    /** L1 as the store (L2 unreachable): a compare-and-set on the L1 entry object; the key is queued for replay. */
    private boolean commitLocal(String key, L1Entry expectedL1, boolean conditional, Object value, byte[] payload,
                                long expireAt, long now, boolean queueForL2) {
        if (queueForL2) {
            node.pending.addKey(name, key);
        }
        seq.bump(key);
        stats.writes.increment();
        if (value == null || expireAt <= now) {
            if (!conditional || expectedL1 == null) {
                l1.remove(key);
                return true;
            }
            return l1.remove(key, expectedL1);
        }
        TagRegistry.State gen = generation();
        L1Entry e = new L1Entry(byReference ? value : null, byReference ? null : payload, newStamp(), expireAt,
                l1ExpireAt(expireAt, now), gen, gen.version(), NO_TAGS, NO_STATES, NO_VERSIONS, true);
        if (!conditional) {
            l1.put(key, e);
            return true;
        }
        if (expectedL1 == null) {
            return l1.putIfAbsent(key, e) == null;
        }
        return l1.replace(key, expectedL1, e);
    }

    /**
     * Stores a value loaded under the versions {@code capture} (taken before the load started). Returns false, and
     * stores nothing, if any of them moved meanwhile. {@code fence} is the key's sequence before the lookup that
     * missed.
     */
    public boolean fill(String key, long fence, Object value, String[] tags, TagRegistry.Capture capture, long ttlMillis,
                        long now) {
        TagRegistry.State gen = capture.states[0];
        if (!capture.isCurrent()) {
            stats.fillsRejected.increment();
            return false;
        }
        long expireAt = now + ttlMillis;
        byte[] payload;
        try {
            payload = codecs.encodeValue(value);
        } catch (RuntimeException notSerializable) {
            payload = null;
        }
        long stamp = newStamp();
        long[] tagVersions = Arrays.copyOfRange(capture.versions, 1, capture.versions.length);
        TagRegistry.State[] tagStates = Arrays.copyOfRange(capture.states, 1, capture.states.length);
        boolean local = true;
        if (payload != null && capture.isShared() && l2Usable()) {
            byte[] stored = new StoredEntry(stamp, capture.versions[0], expireAt, tags, tagVersions, payload).encode();
            String[] ids = new String[capture.states.length];
            String[] expected = new String[ids.length];
            List<String> versionKeys = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = capture.states[i].id();
                expected[i] = Long.toString(capture.versions[i]);
                versionKeys.add(node.tags.redisKey(ids[i]));
            }
            try {
                String[] current = node.l2.fill(redisKey(key), stored, pxFor(expireAt, now), versionKeys, expected);
                if (current != null) {
                    node.tags.catchUp(ids, current);
                    stats.fillsRejected.increment();
                    return false;
                }
                local = false;
            } catch (L2Unavailable e) {
                // keep it in L1 only
            }
        }
        if (byReference || payload != null) {
            L1Entry e = new L1Entry(byReference ? value : null, byReference ? null : payload, stamp, expireAt,
                    l1ExpireAt(expireAt, now), gen, capture.versions[0], tags, tagStates, tagVersions, local);
            putFenced(key, fence, e);
        }
        return true;
    }

    /** The key's sequence now: take it before a lookup whose miss may lead to a {@link #fill}. */
    public long fence(String key) {
        return seq.current(key);
    }

    /** Captures the generation and tag versions before a load: index 0 is the generation. */
    public TagRegistry.Capture captureForLoad(String[] tags) {
        String[] ids = new String[tags.length + 1];
        ids[0] = generationId;
        for (int i = 0; i < tags.length; i++) {
            ids[i + 1] = TagRegistry.tagId(tags[i]);
        }
        return node.tags.capture(ids);
    }

    /** Another node changed {@code key}: drop this node's copy. */
    void onRemoteInvalidation(String key, long newStamp) {
        seq.bump(key);
        L1Entry e = l1.get(key);
        // A copy of the very version written (read from L2 after the write) may stay.
        if (e != null && (newStamp == 0 || e.stamp != newStamp)) {
            l1.remove(key, e);
        }
        stats.invalidationsReceived.increment();
    }

    /** Drops every L1 copy of this cache (and any fill in flight). */
    public void flushLocal() {
        seq.bumpAll();
        l1.clear();
        stats.l1Flushes.increment();
    }

    /**
     * Clears the cache on every node in O(1): moves its generation, which invalidates every entry written under the
     * old one; the stale L2 keys are swept in the background (they would otherwise only go by TTL).
     */
    public void clear() {
        stats.clears.increment();
        boolean shared = node.bumpIds(List.of(generationId));
        flushLocal();
        if (shared) {
            node.sweepLater(this);
        }
    }

    /** Deletes L2 keys written under an older generation; best effort. */
    void sweep() {
        TagRegistry.State gen = generation();
        long current = gen.version();
        if (current < 0 || !l2Usable()) {
            return;
        }
        List<String> batch = new ArrayList<>(200);
        for (String k : node.l2.scan(scanPattern)) {
            batch.add(k);
            if (batch.size() == 200) {
                node.l2.sweep(batch, current);
                batch.clear();
            }
        }
        node.l2.sweep(batch, current);
    }

    /**
     * Every key with an entry: SCAN over L2 (O(entries)), or L1's keys while L2 is unreachable. Entries may be
     * expired or not current; callers filter.
     */
    public Iterator<Map.Entry<String, Snapshot>> entries() {
        long now = System.currentTimeMillis();
        if (l2Usable()) {
            try {
                Iterator<String> keys = node.l2.scan(scanPattern).iterator();
                return new L2EntryIterator(keys, keyPrefix.length(), now);
            } catch (L2Unavailable e) {
                // below
            }
        }
        List<Map.Entry<String, Snapshot>> local = new ArrayList<>();
        for (Cache.Entry<String, L1Entry> e : l1) {
            L1Entry v = e.getValue();
            local.add(Map.entry(e.getKey(), new Snapshot(v.stamp, v.isCurrent(now), v.expireAt, v.payload, v.ref, v,
                    true, false)));
        }
        return local.iterator();
    }

    private final class L2EntryIterator implements Iterator<Map.Entry<String, Snapshot>> {
        private final Iterator<String> keys;
        private final int prefixLength;
        private final long now;
        private Iterator<Map.Entry<String, Snapshot>> batch = java.util.Collections.emptyIterator();

        L2EntryIterator(Iterator<String> keys, int prefixLength, long now) {
            this.keys = keys;
            this.prefixLength = prefixLength;
            this.now = now;
        }

        @Override
        public boolean hasNext() {
            while (!batch.hasNext()) {
                if (!keys.hasNext()) {
                    return false;
                }
                List<String> names = new ArrayList<>(100);
                while (keys.hasNext() && names.size() < 100) {
                    names.add(keys.next());
                }
                List<byte[]> values = node.l2.getAll(names);
                List<Map.Entry<String, Snapshot>> out = new ArrayList<>(names.size());
                for (int i = 0; i < names.size(); i++) {
                    StoredEntry se = StoredEntry.decode(values.get(i));
                    if (se == null) {
                        continue;
                    }
                    String key = names.get(i).substring(prefixLength);
                    L1Entry l1e = l1.get(key);
                    Object ref = byReference && l1e != null && l1e.stamp == se.stamp ? l1e.ref : null;
                    out.add(Map.entry(key, new L2Snapshot(se, isCurrent(se), ref, l1e)));
                }
                batch = out.iterator();
            }
            return true;
        }

        @Override
        public Map.Entry<String, Snapshot> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.next();
        }
    }

    /** Drops this cache's L1 (the cache is closed on this node; L2 keeps the entries). */
    void closeLocal() {
        seq.bumpAll();
        l1.clear();
    }

    /** L1 entries evicted for capacity. */
    public long l1Evictions() {
        return node.l1Evictions(this);
    }

    /** Entries in L1 now. */
    public long l1Size() {
        long n = 0;
        for (Cache.Entry<String, L1Entry> ignored : l1) {
            n++;
        }
        return n;
    }

    public Node node() {
        return node;
    }

    private static String globEscape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
