package com.muejam.cache;

/** State of the circuit breaker around L2 (Redis). */
public enum BreakerState {
    /** L2 is used. */
    CLOSED,
    /** L2 is skipped: reads are served by L1 and the loader, writes stay local; a background probe watches Redis. */
    OPEN,
    /** Redis answered the probe; pending invalidations are being replayed and L1 flushed before L2 is used again. */
    HALF_OPEN
}
