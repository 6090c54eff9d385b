package com.muejam.services;

import java.nio.file.Path;

/** A PostgreSQL 15 server: the primary or one of its streaming replicas. */
public interface PgNode extends ServiceNode {

    String database();

    String user();

    String password();

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE}; credentials come from {@link #user()}/{@link #password()}. */
    String jdbcUrl();

    Path dataDir();

    /** True for a streaming replica (hot standby), false for the primary. */
    boolean isReplica();
}
