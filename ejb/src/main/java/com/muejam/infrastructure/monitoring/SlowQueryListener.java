package com.muejam.infrastructure.monitoring;

import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.queries.Call;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Times every statement a persistence unit executes (EclipseLink's pre/post execute-call events, which
 * bracket the JDBC execution and result reading) into the pool's {@code muejam_db_work} timer and hands the slow
 * ones to {@link SlowQueryLog}; counts each into {@link StatementCount}. One
 * instance per persistence unit, installed by {@link PersistenceSessionCustomizer}.
 */
final class SlowQueryListener extends SessionEventAdapter {

    /** Start of the statement running on this thread (EclipseLink runs one call at a time per thread). */
    private static final ThreadLocal<long[]> STARTED = ThreadLocal.withInitial(() -> new long[1]);

    private final String pool;
    private final String label;

    /** {@code pool}: the server's pool name for the log; {@code label}: the metrics' pool label. */
    SlowQueryListener(String pool, String label) {
        this.pool = pool;
        this.label = label;
    }

    @Override
    public void preExecuteCall(SessionEvent event) {
        Call call = event.getCall();
        StatementCount.add(call instanceof DatabaseCall db ? db.getSQLString() : call == null ? null : call.toString());
        STARTED.get()[0] = System.nanoTime();
    }

    @Override
    public void postExecuteCall(SessionEvent event) {
        long[] started = STARTED.get();
        if (started[0] == 0) {
            return;
        }
        long nanos = System.nanoTime() - started[0];
        started[0] = 0;
        SlowQueryLog.timed(label, nanos);
        if (nanos >= SlowQueryLog.thresholdNanos()) {
            Call call = event.getCall();
            String sql = call instanceof DatabaseCall db ? db.getSQLString() : call == null ? null : call.toString();
            SlowQueryLog.report(pool, label, SqlShape.of(sql), nanos);
        }
    }
}
