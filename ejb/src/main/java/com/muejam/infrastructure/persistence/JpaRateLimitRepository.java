package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.HotQuery.*;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.ratelimit.RateLimitEntry;
import com.muejam.domain.ratelimit.RateLimitRepository;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaRateLimitRepository implements RateLimitRepository {

    @Inject
    EntityManagers entityManagers;

    @Override
    public Optional<RateLimitEntry> find(String key, OffsetDateTime windowStart) {
        return NativeQueries.first(entityManagers.forRead(), RATE_LIMIT_LOOKUP, RateLimitEntry.class,
                Map.of("key", key, "windowStart", windowStart));
    }

    @Override
    public int hit(String key, OffsetDateTime windowStart) {
        // INSERT ... ON CONFLICT ... RETURNING: a write that returns a row, so it is run as a query on the primary.
        return (int) NativeQueries.number(entityManagers.forBookkeeping(), RATE_LIMIT_HIT,
                Map.of("key", key, "windowStart", windowStart));
    }

    @Override
    public int purgeBefore(OffsetDateTime before, int batch) {
        return NativeQueries.execute(entityManagers.forBookkeeping(), RATE_LIMIT_PURGE,
                Map.of("before", before, "batch", batch));
    }
}
