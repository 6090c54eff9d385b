package com.muejam.services;

/** A Redis 7 server (no persistence, loopback only). */
public interface RedisNode extends ServiceNode {

    /** {@code redis://127.0.0.1:PORT/0}. */
    String url();
}
