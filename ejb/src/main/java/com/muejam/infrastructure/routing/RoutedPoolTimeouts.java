package com.muejam.infrastructure.routing;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.operations.PoolExhaustedException;
import com.muejam.application.operations.PoolTimeouts;
import com.muejam.infrastructure.pools.PoolExhaustion;
import com.muejam.infrastructure.pools.PoolMonitor;

/**
 * The application's {@link PoolTimeouts}: {@link PoolExhaustion} recognises the timeout; the pool is the one a
 * {@link PoolExhaustedException} names (read-only calls, see {@link ReadOnlyInterceptor}) or else the one this
 * thread was handed last ({@link RouteContext#lastUsed()}); {@link PoolMonitor} counts it under the route's label.
 */
@ApplicationScoped
public class RoutedPoolTimeouts implements PoolTimeouts {

    @Inject
    PoolMonitor pools;

    @Override
    public Optional<String> exhaustedPool(Throwable failure) {
        if (!PoolExhaustion.isAcquisitionTimeout(failure)) {
            return Optional.empty();
        }
        return Optional.of(PoolExhaustion.named(failure).map(PoolExhaustedException::pool)
                .orElseGet(() -> RouteContext.lastUsed().poolName()));
    }

    /** Throws {@link IllegalArgumentException} for a name that is no pool of this application. */
    @Override
    public void answered(String pool) {
        pools.acquisitionTimedOut(Route.named(pool).unitName());
    }
}
