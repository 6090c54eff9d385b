package com.muejam.it.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One more application node for client-side tests: the provisioned WildFly started by
 * {@code server-config/bin/start-wildfly.sh} from its own copy of {@code standalone/} (configuration, deployments,
 * logs) with the built EAR, on a port offset of its own, against the same project-started services as the other
 * nodes (the session's properties file, plus this node's overrides).
 */
public final class AppNode implements AutoCloseable {

    private final String name;
    private final int offset;
    private final Path dir;
    private final Map<String, String> overrides;
    private Process process;

    public AppNode(String name, int offset, Map<String, String> overrides) {
        this.name = name;
        this.offset = offset;
        this.overrides = Map.copyOf(overrides);
        this.dir = Path.of(System.getProperty("muejam.it.state.dir")).resolveSibling("nodes").resolve(name);
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<8080 + offset>/}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort() + "/";
    }

    public int httpPort() {
        return 8080 + offset;
    }

    public int managementPort() {
        return 9990 + offset;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the node and waits until the EAR is deployed and {@code /health/ready} answers 200. */
    public AppNode start() {
        launch();
        Path base = dir.resolve("standalone");
        return awaitReady(base);
    }

    /** The node's console output (server log included), appended to across starts. */
    public Path serverLog() {
        return dir.resolve("server.log");
    }

    /** Waits until the node's output contains {@code text}; returns that line. */
    public String awaitLogLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(serverLog())) {
                    try (Stream<String> lines = Files.lines(serverLog())) {
                        java.util.Optional<String> hit = lines.filter(l -> l.contains(text)).findFirst();
                        if (hit.isPresent()) {
                            return hit.get();
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // the server is writing; read again
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited without logging '" + text + "', see " + serverLog());
            }
            sleep(250);
        }
        throw new IllegalStateException("node " + name + " did not log '" + text + "' within " + timeout.toSeconds()
                + " s, see " + serverLog());
    }

    /** Starts the node's server with the EAR and returns at once (see {@link #start()}). */
    public AppNode launch() {
        Path home = Path.of(System.getProperty("muejam.wildfly.home"));
        Path base = dir.resolve("standalone");
        try {
            if (!Files.exists(base)) {
                copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
                Files.createDirectories(base.resolve("deployments"));
                Files.copy(Path.of(System.getProperty("muejam.ear")), base.resolve("deployments/muejam.ear"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            for (String marker : List.of("muejam.ear.deployed", "muejam.ear.failed", "muejam.ear.undeployed")) {
                Files.deleteIfExists(base.resolve("deployments").resolve(marker));
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("muejam.it.properties")))) {
                p.load(in);
            }
            p.putAll(overrides);
            Path props = dir.resolve("node.properties");
            try (OutputStream out = Files.newOutputStream(props)) {
                p.store(out, "node " + name);
            }
            Path script = home.getParent().getParent().resolve("bin/start-wildfly.sh");
            ProcessBuilder pb = new ProcessBuilder(script.toString(),
                    "-Djboss.socket.binding.port-offset=" + offset, "-Djboss.node.name=" + name,
                    "-Djboss.tx.node.id=" + name, "--properties=" + props.toAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
            pb.environment().put("MUEJAM_WILDFLY_HOME", home.toString());
            pb.environment().put("MUEJAM_SERVER_BASE_DIR", base.toAbsolutePath().toString());
            pb.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true");
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private AppNode awaitReady(Path base) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (Files.exists(base.resolve("deployments/muejam.ear.failed"))) {
                throw new IllegalStateException("node " + name + ": deployment failed, see " + dir.resolve("server.log"));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited, see " + dir.resolve("server.log"));
            }
            if (Files.exists(base.resolve("deployments/muejam.ear.deployed")) && ready()) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException("node " + name + " not ready after 300 s, see " + dir.resolve("server.log"));
    }

    /** True when {@code /health/ready} answers 200. */
    public boolean ready() {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The orderly way out: WildFly suspends (new requests get 503, so a balancer retries them elsewhere and its
     * health check takes the node out), lets requests in flight finish for up to {@code drain}, then stops.
     */
    public void shutdownGracefully(Duration drain) {
        if (!isRunning()) {
            return;
        }
        Path cli = Path.of(System.getProperty("muejam.wildfly.home"), "bin", "jboss-cli.sh");
        try {
            Process p = new ProcessBuilder(cli.toString(), "--connect", "--controller=127.0.0.1:" + managementPort(),
                    "--command=:shutdown(suspend-timeout=" + drain.toSeconds() + ")")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(drain.toSeconds() + 60, TimeUnit.SECONDS);
            process.waitFor(drain.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Stops the node (SIGTERM to its processes, then SIGKILL after 30 s). */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        process = null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path src : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
