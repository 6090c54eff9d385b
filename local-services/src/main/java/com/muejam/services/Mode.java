package com.muejam.services;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses between native processes and Testcontainers, and loads the chosen implementation by class name: this
 * package names no implementation class, so the implementations (which implement {@code LocalServices}) depend on
 * it and never the other way round, and Testcontainers stays optional. Each implementation has
 * {@code public static up(ServicesConfig)} and {@code public static attach(Path)}.
 */
final class Mode {

    /** System property (and, upper-cased with '_', environment variable) selecting the backend. */
    static final String PROPERTY = "muejam.services";
    static final String NATIVE_IMPL = "com.muejam.services.internal.NativeServices";
    static final String CONTAINERS_IMPL = "com.muejam.services.internal.testcontainers.ContainerServices";

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

    private static Object invoke(String method, Class<?> type, Object arg) {
        String implementation = implementation();
        boolean containers = implementation.equals(CONTAINERS_IMPL);
        if (containers) {
            try {
                Class.forName("org.testcontainers.DockerClientFactory", false, Mode.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ServicesException(PROPERTY + "=testcontainers is set but Testcontainers is "
                        + "not on the classpath: add org.testcontainers:testcontainers to the caller's dependencies, "
                        + "or unset it to use the native services");
            }
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
