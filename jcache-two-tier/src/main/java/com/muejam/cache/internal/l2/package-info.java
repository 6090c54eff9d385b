/**
 * Redis access for L2: the entry format ({@link com.muejam.cache.internal.l2.StoredEntry}), the Lua scripts that
 * make check-write-publish one atomic step ({@link com.muejam.cache.internal.l2.RedisL2}) and the circuit breaker
 * that turns a dead Redis into immediate fallbacks ({@link com.muejam.cache.internal.l2.Breaker}).
 */
package com.muejam.cache.internal.l2;
