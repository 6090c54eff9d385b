package com.muejam.cache.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the project Redis before any test of the JVM (the JSR-107 TCK included, which reads {@code VALKEY_URL}
 * from the system properties) and shuts it down after the last one.
 */
public final class RedisSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("jcache.test.redisPort") == null) {
            return; // not run by this module's surefire (an IDE single test starts Redis on first use)
        }
        String url = TestRedis.url();
        if (Boolean.getBoolean("jcache.test.exportUrl")) {
            System.setProperty("VALKEY_URL", url);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestRedis.shutdown();
    }
}
