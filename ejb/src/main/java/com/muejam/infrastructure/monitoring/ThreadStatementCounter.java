package com.muejam.infrastructure.monitoring;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.muejam.application.operations.StatementCounter;

/** The application's {@link StatementCounter}: the current thread's {@link StatementCount}. */
@ApplicationScoped
public class ThreadStatementCounter implements StatementCounter {

    @Override
    public long onThisThread() {
        return StatementCount.onThisThread();
    }

    @Override
    public void record() {
        StatementCount.record();
    }

    @Override
    public List<String> recorded() {
        return StatementCount.recorded();
    }
}
