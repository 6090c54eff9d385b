package com.muejam.infrastructure.routing;

import java.util.List;
import java.util.Locale;

/**
 * Where a unit of database work goes. Each value is one container-managed pool and one persistence unit, so
 * the route is known (and fixed) before any connection is taken.
 */
public enum Route {
    /** The primary, pool {@code PrimaryDS}, persistence unit {@code primary}. */
    PRIMARY("primary", "PrimaryDS"),
    /** The first streaming replica ({@code DB_READ_HOST}), pool {@code ReplicaDS}, persistence unit {@code replica}. */
    REPLICA("replica", "ReplicaDS"),
    /** The second streaming replica ({@code DB_READ_HOST_2}), pool {@code ReplicaDS2}, persistence unit {@code replica2}. */
    REPLICA_2("replica2", "ReplicaDS2");

    /** Every replica route, in configuration order. */
    public static final List<Route> REPLICAS = List.of(REPLICA, REPLICA_2);

    private final String unitName;
    private final String poolName;

    Route(String unitName, String poolName) {
        this.unitName = unitName;
        this.poolName = poolName;
    }

    /** The persistence unit, also the {@code target}/{@code replica} label of the routing metrics. */
    public String unitName() {
        return unitName;
    }

    /** The server's name of the pool ({@code PrimaryDS}, {@code ReplicaDS}, {@code ReplicaDS2}). */
    public String poolName() {
        return poolName;
    }

    /** The pool's JNDI name on WildFly. */
    public String jndiName() {
        return "java:jboss/datasources/" + poolName;
    }

    public boolean isReplica() {
        return this != PRIMARY;
    }

    /**
     * A route by the names code uses to pick a database explicitly: the unit names, the pool names, and the
     * aliases {@code default} (the primary) and {@code read_replica} (the first replica).
     */
    public static Route named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "default", "primary", "primaryds" -> PRIMARY;
            case "read_replica", "replica", "replica1", "replicads" -> REPLICA;
            case "replica2", "read_replica_2", "replicads2" -> REPLICA_2;
            default -> throw new IllegalArgumentException("unknown database " + name
                    + " (default, read_replica, replica2)");
        };
    }
}
