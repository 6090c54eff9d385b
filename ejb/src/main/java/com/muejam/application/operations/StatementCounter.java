package com.muejam.application.operations;

import java.util.List;

/**
 * How many SQL statements the current thread has executed, and their shapes while recording: the difference of
 * two readings on one thread is what the work in between cost in statements (a cache hit costs none). The web
 * layer reports it per request when asked. Implemented by the infrastructure's persistence monitoring.
 */
public interface StatementCounter {

    /** The statements executed on this thread so far. */
    long onThisThread();

    /** Starts keeping the shapes (literals masked) of this thread's statements, until {@link #recorded()}. */
    void record();

    /** The shapes kept since {@link #record()}, and stops keeping them; empty if not recording. */
    List<String> recorded();
}
