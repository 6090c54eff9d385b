package com.muejam.cache.internal;

import java.util.Objects;
import java.util.function.Function;
import javax.cache.processor.MutableEntry;

/** The entry an entry processor sees; records what it did, for the cache to apply afterwards. */
final class ProcessorEntry<K, V> implements MutableEntry<K, V> {

    /** What the processor did to the entry, in the end. */
    enum Operation { NONE, ACCESS, CREATE, LOAD, UPDATE, REMOVE }

    private final K key;
    final V original;
    private final boolean existed;
    /** The cache's loader when the cache reads through, else null. */
    private final Function<K, V> readThrough;
    V value;
    Operation operation = Operation.NONE;

    ProcessorEntry(K key, V original, boolean existed, Function<K, V> readThrough) {
        this.key = key;
        this.original = original;
        this.existed = existed;
        this.readThrough = readThrough;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        if (operation == Operation.NONE) {
            value = existed ? original : null;
        }
        if (value != null) {
            if (operation == Operation.NONE) {
                operation = Operation.ACCESS;
            }
        } else if (readThrough != null) {
            value = readThrough.apply(key);
            if (value != null) {
                operation = Operation.LOAD;
            }
        }
        return value;
    }

    @Override
    public boolean exists() {
        return (operation == Operation.NONE && existed) || value != null;
    }

    @Override
    public void remove() {
        operation = operation == Operation.CREATE || operation == Operation.LOAD ? Operation.NONE : Operation.REMOVE;
        value = null;
    }

    @Override
    public void setValue(V v) {
        Objects.requireNonNull(v, "value");
        operation = existed ? Operation.UPDATE : Operation.CREATE;
        value = v;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        throw new IllegalArgumentException("cannot unwrap a processor entry to " + clazz);
    }
}
