package com.muejam.infrastructure.routing;

/** Where a unit of database work goes. Each value is one container-managed pool and one persistence unit. */
public enum Route {
    /** The primary, {@code java:jboss/datasources/PrimaryDS}, persistence unit {@code primary}. */
    PRIMARY("primary"),
    /** A streaming replica, {@code java:jboss/datasources/ReplicaDS}, persistence unit {@code replica}. */
    REPLICA("replica");

    private final String unitName;

    Route(String unitName) {
        this.unitName = unitName;
    }

    public String unitName() {
        return unitName;
    }
}
