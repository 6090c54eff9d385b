package com.muejam.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import com.muejam.infrastructure.caching.ReadFreshness;

/**
 * Tells the cache how recent the write is that this request must see: the request's read-your-writes position
 * ({@link ReadYourWrites}: the client's token or this request's own commit), aged with the replica monitor's cached
 * samples of the primary's position. No database round trip.
 */
@ApplicationScoped
public class ReadYourWritesFreshness implements ReadFreshness {

    @Inject
    ReadYourWrites readYourWrites;

    @Inject
    ReplicaMonitor monitor;

    @Override
    public long requiredWriteAgeNanos() {
        long required;
        try {
            required = readYourWrites.requiredLsn();
        } catch (ContextNotActiveException e) {
            return NONE; // no request: nobody's writes to honour
        }
        if (required == Lsn.NONE) {
            return NONE;
        }
        if (required == Long.MAX_VALUE) {
            return 0; // this request's commit position is unknown: treat its write as just made
        }
        return monitor.positionAgeNanos(required);
    }
}
