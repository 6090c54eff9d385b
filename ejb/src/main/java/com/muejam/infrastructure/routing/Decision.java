package com.muejam.infrastructure.routing;

import java.util.EnumMap;
import java.util.Map;

/**
 * The outcome of one routing decision: the route, and why it is the primary when a replica was not used.
 * Instances are shared constants, so deciding allocates nothing.
 */
public final class Decision {

    private static final Map<Route, Decision> SERVED = new EnumMap<>(Route.class);
    private static final Map<Fallback, Decision> FALLBACKS = new EnumMap<>(Fallback.class);

    static {
        for (Route r : Route.values()) {
            SERVED.put(r, new Decision(r, null));
        }
        for (Fallback f : Fallback.values()) {
            FALLBACKS.put(f, new Decision(Route.PRIMARY, f));
        }
    }

    private final Route route;
    private final Fallback fallback;

    private Decision(Route route, Fallback fallback) {
        this.route = route;
        this.fallback = fallback;
    }

    /** Served by {@code route} as intended (a replica, or the primary for non-read-only work). */
    public static Decision to(Route route) {
        return SERVED.get(route);
    }

    /** Sent to the primary for {@code reason}. */
    public static Decision fallback(Fallback reason) {
        return FALLBACKS.get(reason);
    }

    public Route route() {
        return route;
    }

    /** Why the primary serves a read-only call; {@code null} when a replica does. */
    public Fallback fallback() {
        return fallback;
    }

    @Override
    public String toString() {
        return fallback == null ? route.unitName() : route.unitName() + " (" + fallback.label() + ")";
    }
}
