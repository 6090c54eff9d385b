package com.muejam.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.muejam.services.LocalServices;

/**
 * The faults injected while the mixed scenario runs, on the project-started services (found through their state
 * directory) and the server's management interface.
 */
public final class Faults {

    /** One fault: what breaks at the first mark and what repairs it at the second. */
    public interface Fault {
        String id();

        String description();

        void inject();

        void repair();
    }

    private final LocalServices services;
    private final Path jbossCli;
    private final String controller;
    private final int poolMin;
    private final int poolMax;

    public Faults(Path servicesStateDir, Path jbossCli, String controller, int poolMin, int poolMax) {
        this.services = LocalServices.attach(servicesStateDir);
        this.jbossCli = jbossCli;
        this.controller = controller;
        this.poolMin = poolMin;
        this.poolMax = poolMax;
    }

    public LocalServices services() {
        return services;
    }

    public Fault replicaKill() {
        return new Fault() {
            public String id() { return "replica-kill"; }
            public String description() { return "replica1 SIGKILLed, then restarted"; }
            public void inject() { services.replica(1).kill(); }
            public void repair() { services.replica(1).start(); }
        };
    }

    public Fault redisKill() {
        return new Fault() {
            public String id() { return "redis-kill"; }
            public String description() { return "Redis SIGKILLed, then restarted (empty: it keeps nothing on disk)"; }
            public void inject() { services.redis().kill(); }
            public void repair() { services.redis().start(); }
        };
    }

    /** PrimaryDS squeezed live to {@code max} connections, then restored (min-size lowered first, as it must be). */
    public Fault poolSqueeze(int max) {
        return new Fault() {
            public String id() { return "pool-squeeze"; }
            public String description() { return "PrimaryDS squeezed live to max-size " + max + ", then restored to " + poolMax; }
            public void inject() { resize(String.valueOf(Math.min(max, poolMin)), String.valueOf(max), true); }
            // back to the configured expressions, not their values: the server is left as configured
            public void repair() { resize(CONFIGURED_MIN, CONFIGURED_MAX, false); }
        };
    }

    /** What configure-wildfly.cli sets; they resolve to {@code poolMin}/{@code poolMax} on the server under test. */
    static final String CONFIGURED_MIN = "${DB_POOL_MIN_CONNECTIONS:10}";
    static final String CONFIGURED_MAX = "${DB_POOL_MAX_CONNECTIONS:50}";

    private void resize(String min, String max, boolean shrinking) {
        String ds = "/subsystem=datasources-agroal/datasource=PrimaryDS";
        String setMin = ds + ":write-attribute(name=connection-pool.min-size,value=\"" + min + "\")";
        String setMax = ds + ":write-attribute(name=connection-pool.max-size,value=\"" + max + "\")";
        cli(shrinking ? setMin + "," + setMax : setMax + "," + setMin);
    }

    /** Runs jboss-cli commands against the server; throws when they fail. */
    public void cli(String commands) {
        try {
            Process p = new ProcessBuilder(jbossCli.toString(), "--connect", "--controller=" + controller,
                    "--commands=" + commands).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jboss-cli failed: " + commands + "\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
