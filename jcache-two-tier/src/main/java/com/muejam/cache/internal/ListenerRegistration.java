package com.muejam.cache.internal;

import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryListener;

/** A listener created from its configuration's factories, with its optional filter. */
final class ListenerRegistration<K, V> {

    final CacheEntryListenerConfiguration<K, V> configuration;
    final CacheEntryListener<? super K, ? super V> listener;
    final CacheEntryEventFilter<? super K, ? super V> filter;
    final boolean oldValueRequired;

    ListenerRegistration(CacheEntryListenerConfiguration<K, V> configuration) {
        this.configuration = configuration;
        this.listener = configuration.getCacheEntryListenerFactory().create();
        this.filter = configuration.getCacheEntryEventFilterFactory() == null ? null
                : configuration.getCacheEntryEventFilterFactory().create();
        this.oldValueRequired = configuration.isOldValueRequired();
    }
}
