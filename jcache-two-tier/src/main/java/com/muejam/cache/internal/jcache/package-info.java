/**
 * The {@code javax.cache} SPI on top of the node: cache manager, cache (JSR-107 semantics: expiry policies,
 * listeners, loader/writer, entry processors, statistics and MXBeans), checked by the JSR-107 TCK 1.1.0.
 */
package com.muejam.cache.internal.jcache;
