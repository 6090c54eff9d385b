package com.muejam.it.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of application nodes, configured as {@code bin/run.sh} configures it for {@code MUEJAM_NODES}:
 * round robin, health checks on {@code /health/ready} every 500 ms, and a request that a node refused without
 * serving it (connection refused, or 503 while the node drains) retried on another node. The haproxy package is
 * installed by {@code bin/ensure-packages.sh} when missing.
 */
public final class Balancer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    public Balancer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public Balancer start(List<AppNode> nodes) {
        try {
            Files.createDirectories(dir);
            Path repo = Path.of(System.getProperty("muejam.wildfly.home")).getParent().getParent().getParent();
            Process install = new ProcessBuilder(repo.resolve("bin/ensure-packages.sh").toString(), "haproxy")
                    .inheritIO().start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("haproxy is not installed and could not be installed");
            }
            Path cfg = dir.resolve("haproxy.cfg");
            Process render = new ProcessBuilder(repo.resolve("bin/haproxy-config.sh").toString(),
                    Integer.toString(port), String.join(",", nodes.stream().map(n -> "127.0.0.1:" + n.httpPort()).toList()))
                    .redirectOutput(cfg.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (render.waitFor() != 0) {
                throw new IllegalStateException("bin/haproxy-config.sh failed");
            }
            process = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited, see " + dir.resolve("haproxy.log"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException e) {
                AppNode.sleep(100);
            }
        }
        throw new IllegalStateException("haproxy not listening on " + port);
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
