/** The {@link com.muejam.cache.QueryCache} implementation: L1 fast path, single-flight loads, version-checked fills. */
package com.muejam.cache.internal.query;
