package com.muejam.cache.internal;

import javax.cache.Cache;

/** An immutable cache entry: what iteration returns and what a cache writer is given. */
final class SimpleEntry<K, V> implements Cache.Entry<K, V> {
    private final K key;
    private final V value;

    SimpleEntry(K key, V value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        throw new IllegalArgumentException("cannot unwrap an entry to " + clazz);
    }
}
