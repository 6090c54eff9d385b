package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.RateLimitQuery.*;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
    public OptionalInt hitBelow(String key, OffsetDateTime windowStart, int max) {
        var counts = NativeQueries.scalars(entityManagers.forBookkeeping(), RATE_LIMIT_HIT_BELOW,
                Map.of("key", key, "windowStart", windowStart, "max", max));
        return counts.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) counts.get(0)).intValue());
    }

    @Override
    public void unhit(String key, OffsetDateTime windowStart) {
        NativeQueries.execute(entityManagers.forBookkeeping(), RATE_LIMIT_UNHIT,
                Map.of("key", key, "windowStart", windowStart));
    }

    @Override
    public int purgeBefore(OffsetDateTime before, int batch) {
        return NativeQueries.execute(entityManagers.forBookkeeping(), RATE_LIMIT_PURGE,
                Map.of("before", before, "batch", batch));
    }
}
