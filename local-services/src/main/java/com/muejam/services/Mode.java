package com.muejam.services;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses between native processes and Testcontainers; the latter is loaded reflectively so it stays optional. */
final class Mode {

    private static final String CONTAINERS_IMPL = "com.muejam.services.internal.testcontainers.ContainerServices";

    private Mode() {
    }

    static boolean testcontainers() {
        String v = System.getProperty(LocalServices.MODE_PROPERTY);
        if (v == null) {
            v = System.getenv("MUEJAM_SERVICES");
        }
        return v != null && v.trim().toLowerCase(Locale.ROOT).equals("testcontainers");
    }

    static LocalServices testcontainersUp(ServicesConfig config) {
        return (LocalServices) invoke("up", ServicesConfig.class, config);
    }

    static LocalServices testcontainersAttach(Path stateDir) {
        return (LocalServices) invoke("attach", Path.class, stateDir);
    }

    private static Object invoke(String method, Class<?> type, Object arg) {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Mode.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ServicesException(LocalServices.MODE_PROPERTY + "=testcontainers is set but Testcontainers is "
                    + "not on the classpath: add org.testcontainers:testcontainers to the caller's dependencies, "
                    + "or unset it to use the native services");
        }
        try {
            return Class.forName(CONTAINERS_IMPL).getMethod(method, type).invoke(null, arg);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ServicesException("Testcontainers backend failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ServicesException("Testcontainers backend unavailable", e);
        }
    }
}
