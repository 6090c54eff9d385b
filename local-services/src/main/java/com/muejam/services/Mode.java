package com.muejam.services;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses between the project-started processes (the default) and Testcontainers, and loads the chosen
 * implementation by class name: this package names no implementation class, so the implementations (which
 * implement {@code LocalServices}) depend on it and never the other way round, and Testcontainers stays optional.
 * Each implementation has {@code public static up(ServicesConfig)} and {@code public static attach(Path)}.
 * Without Testcontainers on the classpath or without a Docker engine the containers mode fails at once with one
 * sentence naming the way out, and every later call in the JVM fails the same way without looking again.
 */
final class Mode {

    /** System property (and, upper-cased with '_', environment variable) selecting the backend. */
    static final String PROPERTY = "muejam.services";
    static final String NATIVE_IMPL = "com.muejam.services.internal.NativeServices";
    static final String CONTAINERS_IMPL = "com.muejam.services.internal.testcontainers.ContainerServices";

    /** Why the containers mode cannot run on a machine without Docker. */
    static final String NO_DOCKER =
            "no Docker engine found; use the default project-started services (omit -Dmuejam.services)";
    /** Why it cannot run in a JVM without Testcontainers (the command-line jar, for one). */
    static final String NO_TESTCONTAINERS =
            "Testcontainers is not on the classpath; use the default project-started services (omit -Dmuejam.services)";

    /** Why the containers mode cannot run in this JVM (null: it can), once {@link #checked}. */
    private static String unavailable;
    private static boolean checked;

    private Mode() {
    }

    static boolean testcontainers() {
        String v = System.getProperty(PROPERTY);
        if (v == null) {
            v = System.getenv("MUEJAM_SERVICES");
        }
        return v != null && v.trim().toLowerCase(Locale.ROOT).equals("testcontainers");
    }

    /** The class name of the selected implementation. */
    static String implementation() {
        return testcontainers() ? CONTAINERS_IMPL : NATIVE_IMPL;
    }

    static Object up(ServicesConfig config) {
        return invoke("up", ServicesConfig.class, config);
    }

    static Object attach(Path stateDir) {
        return invoke("attach", Path.class, stateDir);
    }

    /** Fails with {@link #NO_TESTCONTAINERS} or {@link #NO_DOCKER} unless containers can be started. */
    static synchronized void requireContainers() {
        if (!checked) {
            unavailable = detect();
            checked = true;
        }
        if (unavailable != null) {
            throw new ServicesException(unavailable);
        }
    }

    private static String detect() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Mode.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return NO_TESTCONTAINERS;
        }
        try {
            return (Boolean) Class.forName(CONTAINERS_IMPL, true, Mode.class.getClassLoader())
                    .getMethod("dockerAvailable").invoke(null) ? null : NO_DOCKER;
        } catch (InvocationTargetException e) {
            return NO_DOCKER; // the detection itself failed: no usable engine
        } catch (ReflectiveOperationException e) {
            throw new ServicesException("Testcontainers backend unavailable", e);
        }
    }

    private static Object invoke(String method, Class<?> type, Object arg) {
        String implementation = implementation();
        boolean containers = implementation.equals(CONTAINERS_IMPL);
        if (containers) {
            requireContainers();
        }
        try {
            return Class.forName(implementation, true, Mode.class.getClassLoader()).getMethod(method, type)
                    .invoke(null, arg);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new ServicesException((containers ? "Testcontainers" : "native") + " backend failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ServicesException((containers ? "Testcontainers" : "native") + " backend unavailable", e);
        }
    }
}
