/** Rate limiting: one counter row per key and fixed window, incremented by an atomic upsert. */
package com.muejam.domain.ratelimit;
