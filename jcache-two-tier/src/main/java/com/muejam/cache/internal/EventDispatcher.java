package com.muejam.cache.internal;

import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/**
 * Collects the events of one cache operation and delivers them after it, synchronously, in the order expired,
 * created, updated, removed. Events are this node's own operations: listeners do not see other nodes' writes.
 */
final class EventDispatcher<K, V> {

    private final Cache<K, V> source;
    private List<EntryEvent<K, V>> expired;
    private List<EntryEvent<K, V>> created;
    private List<EntryEvent<K, V>> updated;
    private List<EntryEvent<K, V>> removed;

    EventDispatcher(Cache<K, V> source) {
        this.source = source;
    }

    void expired(K key, V value) {
        expired = add(expired, new EntryEvent<>(source, EventType.EXPIRED, key, value, value, true));
    }

    void created(K key, V value) {
        created = add(created, new EntryEvent<>(source, EventType.CREATED, key, value, null, false));
    }

    void updated(K key, V value, V oldValue) {
        updated = add(updated, new EntryEvent<>(source, EventType.UPDATED, key, value, oldValue, true));
    }

    void removed(K key, V oldValue) {
        removed = add(removed, new EntryEvent<>(source, EventType.REMOVED, key, oldValue, oldValue, true));
    }

    private static <T> List<T> add(List<T> list, T e) {
        List<T> l = list == null ? new ArrayList<>(2) : list;
        l.add(e);
        return l;
    }

    void dispatch(Iterable<ListenerRegistration<K, V>> registrations) {
        if (expired == null && created == null && updated == null && removed == null) {
            return;
        }
        try {
            deliver(registrations, expired, CacheEntryExpiredListener.class);
            deliver(registrations, created, CacheEntryCreatedListener.class);
            deliver(registrations, updated, CacheEntryUpdatedListener.class);
            deliver(registrations, removed, CacheEntryRemovedListener.class);
        } catch (CacheEntryListenerException e) {
            throw e;
        } catch (Exception e) {
            throw new CacheEntryListenerException("exception in a cache entry listener", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void deliver(Iterable<ListenerRegistration<K, V>> registrations, List<EntryEvent<K, V>> events,
                         Class<? extends CacheEntryListener> kind) {
        if (events == null) {
            return;
        }
        for (ListenerRegistration<K, V> r : registrations) {
            if (!kind.isInstance(r.listener)) {
                continue;
            }
            List<CacheEntryEvent<? extends K, ? extends V>> out = new ArrayList<>(events.size());
            for (EntryEvent<K, V> e : events) {
                if (r.filter != null && !r.filter.evaluate((CacheEntryEvent) e)) {
                    continue;
                }
                out.add(r.oldValueRequired || e.getEventType() == EventType.CREATED ? e : withoutOldValue(e));
            }
            if (out.isEmpty()) {
                continue;
            }
            Iterable it = out;
            if (kind == CacheEntryExpiredListener.class) {
                ((CacheEntryExpiredListener) r.listener).onExpired(it);
            } else if (kind == CacheEntryCreatedListener.class) {
                ((CacheEntryCreatedListener) r.listener).onCreated(it);
            } else if (kind == CacheEntryUpdatedListener.class) {
                ((CacheEntryUpdatedListener) r.listener).onUpdated(it);
            } else {
                ((CacheEntryRemovedListener) r.listener).onRemoved(it);
            }
        }
    }

    private EntryEvent<K, V> withoutOldValue(EntryEvent<K, V> e) {
        if (e.getEventType() == EventType.REMOVED || e.getEventType() == EventType.EXPIRED) {
            return new EntryEvent<>(source, e.getEventType(), e.getKey(), null, null, false);
        }
        return new EntryEvent<>(source, e.getEventType(), e.getKey(), e.getValue(), null, false);
    }
}
