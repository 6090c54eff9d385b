package com.muejam.infrastructure.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * How many SQL statements the persistence units executed on the current thread, since the thread started: every
 * call EclipseLink sends to a database (queries, inserts, updates, native SQL) counts once, a cache hit never.
 * The difference of two readings on one thread is what the work in between cost in statements; the REST layer
 * reports it per request when asked ({@code STATEMENT_COUNT_HEADER}), so tests can prove a list is no N+1.
 * While a thread {@link #record() records}, the shapes of its statements (literals masked, {@link SqlShape}) are
 * kept too, so a failing count can say which statements it saw.
 */
public final class StatementCount {

    private static final int MAX_RECORDED = 50;
    private static final int MAX_SHAPE = 160;

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);
    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    private StatementCount() {
    }

    /** The statements executed on this thread so far. */
    public static long onThisThread() {
        return COUNT.get()[0];
    }

    /** Starts keeping the shapes of this thread's statements (until {@link #recorded()}). */
    public static void record() {
        RECORDED.set(new ArrayList<>());
    }

    /** The shapes kept since {@link #record()}, and stops keeping them; empty if not recording. */
    public static List<String> recorded() {
        List<String> shapes = RECORDED.get();
        RECORDED.remove();
        return shapes == null ? List.of() : shapes;
    }

    static void add(String sql) {
        COUNT.get()[0]++;
        List<String> shapes = RECORDED.get();
        if (shapes != null && shapes.size() < MAX_RECORDED) {
            String shape = SqlShape.of(sql);
            shapes.add(shape == null ? "?" : shape.length() > MAX_SHAPE ? shape.substring(0, MAX_SHAPE) : shape);
        }
    }
}
