package com.muejam.services;

/**
 * One project-started server process. Every operation works from any JVM on the machine (it acts on the
 * process found through the state directory, not on a handle this JVM holds) and is idempotent.
 */
public interface ServiceNode {

    /** What the operating system says about the process. */
    enum State {
        /** The process exists and is scheduled. */
        RUNNING,
        /** The process exists but is stopped by SIGSTOP (see {@link #pause()}): it accepts no work, like a hung host. */
        PAUSED,
        /** No process. */
        STOPPED
    }

    /** {@code primary}, {@code replica1}, {@code replica2} or {@code redis}. */
    String name();

    String host();

    int port();

    /** Process id of the server (the postmaster for PostgreSQL), or -1 when it is not running. */
    long pid();

    State state();

    /** True while the process exists, paused or not. */
    default boolean isRunning() {
        return state() != State.STOPPED;
    }

    /** SIGSTOP the server and all its processes: connections hang instead of failing. */
    void pause();

    /** SIGCONT what {@link #pause()} stopped. */
    void resume();

    /** SIGKILL the server and all its processes (a crash); waits until they are gone. */
    void kill();

    /** Orderly fast shutdown; waits until the process is gone. */
    void stop();

    /**
     * Starts the server on its existing data (resumes it if paused) and waits until it serves; a replica until
     * it streams again while its primary runs.
     */
    void start();

    /** {@link #stop()} then {@link #start()}. */
    void restart();
}
