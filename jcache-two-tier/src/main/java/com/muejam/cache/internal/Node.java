package com.muejam.cache.internal;

import com.muejam.cache.BreakerState;
import com.muejam.cache.TwoTierCacheConfig;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.internal.statistics.DefaultStatisticsService;
import org.redisson.api.RTopic;
import org.redisson.api.listener.StatusListener;
import org.redisson.connection.ConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of the two-tier cache: a Redis connection with its breaker, the tag table, the invalidation
 * subscription and the L1 caches. Each {@code CacheManager} of the provider is one node, so two managers with
 * different URIs in one JVM behave like two servers sharing Redis.
 *
 * <p>Coherence rules:
 * <ul>
 * <li>Writes and invalidations reach other nodes through one pub/sub channel, published by the same Lua script
 * that changes Redis.</li>
 * <li>Messages can be lost only while the subscription is down. After any reconnect or resubscribe, and whenever
 * the breaker closes again, this node flushes all of its L1 and forgets every tag version.</li>
 * <li>While the breaker is open the node runs on L1 and the loaders; invalidations it cannot send are queued
 * ({@link Pending}) and replayed before L2 is used again.</li>
 * <li>While Redis is unreachable (connection lost, or the breaker not closed) the node cannot hear other nodes'
 * invalidations: it flushes its L1 every {@link TwoTierCacheConfig#outageMaxAge()} from the moment it notices, so a
 * copy it serves is stale by at most that plus the time to notice (the breaker's), instead of up to the L1 TTL.</li>
 * </ul>
 */
final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    private static final AtomicLong ALIASES = new AtomicLong();

    public final String id;
    public final TwoTierCacheConfig config;
    public final Breaker breaker;
    public final RedisL2 l2;
    public final TagRegistry tags;
    final Pending pending = new Pending();
    public final LongAdder l2Errors = new LongAdder();
    public final LongAdder l1Flushes = new LongAdder();
    private final CacheManager ehcache;
    private final DefaultStatisticsService ehcacheStatistics = new DefaultStatisticsService();
    private final ScheduledExecutorService scheduler;
    private final ConcurrentHashMap<String, CacheStore> stores = new ConcurrentHashMap<>();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final Set<CacheStore> sweepsQueued = ConcurrentHashMap.newKeySet();
    private volatile RTopic topic;
    private volatile boolean closed;
    /** System.nanoTime() when L1 was last flushed for the current outage, or when it was noticed (0: no outage). */
    private long outageFlushedAt;

    public Node(TwoTierCacheConfig config) {
        this.config = config;
        this.id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        this.breaker = new Breaker(config.breakerFailures(), BreakerState.OPEN,
                () -> LOG.warn("cache node {}: L2 unreachable, breaker open; serving from L1 and loaders", id));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "muejam-cache-" + id);
            t.setDaemon(true);
            return t;
        });
        this.l2 = new RedisL2(config, "muejam-cache-" + id, breaker, l2Errors, new ConnectionListener() {
            @Override
            public void onConnect(InetSocketAddress addr) {
                if (disconnected.getAndSet(false)) {
                    scheduler.execute(() -> flushAll("reconnected to Redis"));
                }
            }

            @Override
            public void onDisconnect(InetSocketAddress addr) {
                disconnected.set(true);
            }
        });
        this.tags = new TagRegistry(config.namespace(), config.tagTtl().toMillis(), config.maxTrackedTags(), l2);
        this.ehcache = CacheManagerBuilder.newCacheManagerBuilder().using(ehcacheStatistics).build(true);
        // Start closed only once subscribed; if Redis is down now, the probe closes the breaker later.
        breaker.tryHalfOpen();
        recover();
        long probe = config.breakerProbeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::probe, probe, probe, TimeUnit.MILLISECONDS);
        long outageCheck = Math.max(10, Math.min(250, config.outageMaxAge().toMillis() / 5));
        scheduler.scheduleWithFixedDelay(this::boundOutageStaleness, outageCheck, outageCheck, TimeUnit.MILLISECONDS);
    }

    // ---- caches

    /** Creates this node's L1 for a cache and registers it for invalidation messages. */
    public CacheStore openStore(String name, boolean byReference, boolean stringKeys, long l1MaxEntries,
                                ClassLoader classLoader) {
        String alias = name + "#" + ALIASES.incrementAndGet();
        // No Ehcache expiry policy and no event listener: either doubles the cost of a hit. Entries carry their
        // own L1 deadline (checked on read) and Ehcache's statistics count the evictions.
        org.ehcache.Cache<String, L1Entry> l1 = ehcache.createCache(alias,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class, L1Entry.class,
                        ResourcePoolsBuilder.heap(l1MaxEntries)));
        CacheStore store = new CacheStore(this, name, l1, alias, byReference, new Codecs(classLoader, stringKeys));
        CacheStore previous = stores.put(name, store);
        if (previous != null) {
            closeL1(previous);
        }
        return store;
    }

    /** Drops a cache's L1 on this node (L2 is untouched). */
    public void closeStore(CacheStore store) {
        stores.remove(store.name, store);
        closeL1(store);
    }

    private void closeL1(CacheStore store) {
        store.closeLocal();
        try {
            ehcache.removeCache(store.l1Alias);
        } catch (RuntimeException e) {
            LOG.debug("removing L1 {}", store.l1Alias, e);
        }
    }

    public CacheStore store(String name) {
        return stores.get(name);
    }

    public Collection<CacheStore> stores() {
        return stores.values();
    }

    /** L1 evictions of a store (capacity), from Ehcache's own statistics. */
    long l1Evictions(CacheStore store) {
        try {
            return ehcacheStatistics.getCacheStatistics(store.l1Alias).getCacheEvictions();
        } catch (RuntimeException e) {
            return 0; // cache already removed
        }
    }

    // ---- invalidation

    /** The pub/sub message that tells other nodes to drop their copy of one key. */
    String keyMessage(String cache, String key, long newStamp) {
        return "K\n" + id + "\n" + Long.toHexString(newStamp) + "\n" + cache.length() + "\n" + cache + key;
    }

    /**
     * Bumps version counters everywhere (or, with Redis unreachable, here only, queuing them for replay). True if
     * the bump reached Redis.
     */
    public boolean bumpIds(List<String> ids) {
        if (l2.usable() && tags.bump(ids, id)) {
            return true;
        }
        tags.bumpLocally(ids);
        pending.addIds(ids);
        return false;
    }

    void sweepLater(CacheStore store) {
        if (sweepsQueued.add(store)) {
            scheduler.execute(() -> {
                sweepsQueued.remove(store);
                try {
                    store.sweep();
                } catch (RuntimeException e) {
                    LOG.debug("sweep of {} stopped: {}", store.name, e.toString());
                }
            });
        }
    }

    private void onMessage(CharSequence channel, String msg) {
        try {
            String[] parts = msg.split("\n", 3);
            if (parts.length < 3) {
                return;
            }
            if (msg.charAt(0) == 'V') {
                String[] f = parts[2].split("\n");
                for (int i = 0; i + 1 < f.length; i += 2) {
                    tags.onVersion(f[i], Long.parseLong(f[i + 1]));
                    if (f[i].startsWith("g:") && !parts[1].equals(id)) {
                        CacheStore s = stores.get(f[i].substring(2));
                        if (s != null) {
                            // a clear elsewhere: free the memory now (the generation check already hides them)
                            s.flushLocal();
                            s.stats.invalidationsReceived.increment();
                        }
                    }
                }
            } else if (msg.charAt(0) == 'K') {
                if (parts[1].equals(id)) {
                    return;
                }
                String rest = parts[2];
                int nl0 = rest.indexOf('\n');
                long stamp = Long.parseUnsignedLong(rest.substring(0, nl0), 16);
                int nl = rest.indexOf('\n', nl0 + 1);
                int len = Integer.parseInt(rest.substring(nl0 + 1, nl));
                String cache = rest.substring(nl + 1, nl + 1 + len);
                String key = rest.substring(nl + 1 + len);
                CacheStore s = stores.get(cache);
                if (s != null) {
                    s.onRemoteInvalidation(key, stamp);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cache node {}: bad invalidation message, flushing L1", id, e);
            flushAll("unreadable message");
        }
    }

    /** Drops every L1 copy and every known version: the node may have missed messages. */
    public void flushAll(String reason) {
        if (stores.isEmpty()) {
            LOG.debug("cache node {}: flushing L1 ({})", id, reason);
        } else {
            LOG.info("cache node {}: flushing L1 ({})", id, reason);
        }
        for (CacheStore s : stores.values()) {
            s.flushLocal();
        }
        tags.retireAll();
        l1Flushes.increment();
    }

    // ---- failure handling

    /** True while invalidations from other nodes cannot arrive. */
    public boolean inOutage() {
        return disconnected.get() || breaker.state() != BreakerState.CLOSED;
    }

    /** Runs on the node's scheduler only. */
    private void boundOutageStaleness() {
        if (closed) {
            return;
        }
        if (!inOutage()) {
            outageFlushedAt = 0;
            return;
        }
        long now = System.nanoTime() | 1; // never 0
        if (outageFlushedAt == 0) {
            // What L1 holds was current until the outage began: keep serving the hot set rather than sending
            // every node's readers to the database at the moment Redis goes away.
            outageFlushedAt = now;
        } else if (now - outageFlushedAt >= config.outageMaxAge().toNanos()) {
            outageFlushedAt = now;
            flushAll("Redis unreachable: L1 copies are kept at most " + config.outageMaxAge().toMillis() + " ms");
        }
    }

    private void probe() {
        if (closed) {
            return;
        }
        try {
            BreakerState st = breaker.state();
            if (st == BreakerState.OPEN) {
                if (l2.ping() && breaker.tryHalfOpen()) {
                    recover();
                }
            } else if (st == BreakerState.CLOSED && !pending.isEmpty()) {
                replayPending();
            }
        } catch (RuntimeException e) {
            LOG.debug("cache node {}: probe failed: {}", id, e.toString());
        }
    }

    /** Half-open to closed: subscribe if needed, replay what was queued, then flush L1 and forget versions. */
    private void recover() {
        boolean[] ok = {false};
        l2.runRecovery(() -> {
            try {
                if (!l2.ping()) {
                    throw new L2Unavailable0();
                }
                if (topic == null) {
                    topic = l2.subscribe(this::onMessage, new StatusListener() {
                        @Override
                        public void onSubscribe(String channel) {
                            if (subscriptions.incrementAndGet() > 1) {
                                scheduler.execute(() -> flushAll("resubscribed to " + channel));
                            }
                        }

                        @Override
                        public void onUnsubscribe(String channel) {
                            // resubscription follows on reconnect; onSubscribe flushes then
                        }
                    });
                }
                replayPending();
                ok[0] = true;
            } catch (RuntimeException e) {
                LOG.debug("cache node {}: resynchronisation failed: {}", id, e.toString());
            }
        });
        if (ok[0]) {
            breaker.close();
            flushAll("L2 available");
        } else {
            breaker.reopen();
        }
    }

    private void replayPending() {
        if (pending.isEmpty()) {
            return;
        }
        Pending.Batch b = pending.drain();
        try {
            List<String> ids = new ArrayList<>(b.ids);
            for (String cache : b.overflowedCaches) {
                ids.add(TagRegistry.generationId(cache));
            }
            if (b.allGenerations) {
                for (CacheStore s : stores.values()) {
                    ids.add(TagRegistry.generationId(s.name));
                }
            }
            if (!ids.isEmpty() && !tags.bump(ids, id)) {
                throw new L2Unavailable0();
            }
            for (var e : b.keys.entrySet()) {
                for (String key : e.getValue()) {
                    String redisKey = stores.containsKey(e.getKey()) ? stores.get(e.getKey()).redisKey(key)
                            : config.namespace() + ":e:" + e.getKey().length() + ":" + e.getKey() + ":" + key;
                    l2.compareAndSet(redisKey, -1, null, 0, keyMessage(e.getKey(), key, 0));
                }
            }
        } catch (RuntimeException e) {
            pending.restore(b);
            throw e;
        }
    }

    /** Replay could not reach Redis. */
    private static final class L2Unavailable0 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        L2Unavailable0() {
            super("replay failed", null, false, false);
        }
    }

    public void execute(Runnable task) {
        scheduler.execute(task);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        try {
            ehcache.close();
        } catch (RuntimeException e) {
            LOG.debug("closing L1", e);
        }
        l2.close();
    }

    public boolean isClosed() {
        return closed;
    }
}
