package com.muejam.cache.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invalidations this node could not send while Redis was unreachable, replayed before L2 is used again: version
 * ids to bump, and keys written only to L1 whose L2 copies must go. Bounded: past the bound a cache's keys are
 * replaced by a bump of its generation (a clear), and tags by a bump of every generation.
 */
final class Pending {

    static final int MAX_IDS = 10_000;
    static final int MAX_KEYS_PER_CACHE = 10_000;

    private final Set<String> ids = new LinkedHashSet<>();
    private final Map<String, Set<String>> keys = new HashMap<>();
    private final Set<String> overflowedCaches = new LinkedHashSet<>();
    private boolean idsOverflowed;

    synchronized void addIds(List<String> more) {
        if (idsOverflowed) {
            return;
        }
        ids.addAll(more);
        if (ids.size() > MAX_IDS) {
            ids.clear();
            idsOverflowed = true;
        }
    }

    synchronized void addKey(String cache, String key) {
        if (overflowedCaches.contains(cache)) {
            return;
        }
        Set<String> set = keys.computeIfAbsent(cache, c -> new LinkedHashSet<>());
        set.add(key);
        if (set.size() > MAX_KEYS_PER_CACHE) {
            keys.remove(cache);
            overflowedCaches.add(cache);
        }
    }

    synchronized boolean isEmpty() {
        return ids.isEmpty() && keys.isEmpty() && overflowedCaches.isEmpty() && !idsOverflowed;
    }

    /** Takes everything out; {@link #restore} puts it back if the replay fails. */
    synchronized Batch drain() {
        Batch b = new Batch(new ArrayList<>(ids), new HashMap<>(keys), new ArrayList<>(overflowedCaches), idsOverflowed);
        ids.clear();
        keys.clear();
        overflowedCaches.clear();
        idsOverflowed = false;
        return b;
    }

    synchronized void restore(Batch b) {
        addIds(b.ids);
        b.keys.forEach((cache, set) -> set.forEach(k -> addKey(cache, k)));
        overflowedCaches.addAll(b.overflowedCaches);
        idsOverflowed |= b.allGenerations;
    }

    static final class Batch {
        final List<String> ids;
        final Map<String, Set<String>> keys;
        final List<String> overflowedCaches;
        /** Too many tags were invalidated: every generation must move. */
        final boolean allGenerations;

        Batch(List<String> ids, Map<String, Set<String>> keys, List<String> overflowedCaches, boolean allGenerations) {
            this.ids = ids;
            this.keys = keys;
            this.overflowedCaches = overflowedCaches;
            this.allGenerations = allGenerations;
        }
    }
}
