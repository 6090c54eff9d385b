package com.muejam.services.internal;

import com.muejam.services.RedisNode;
import com.muejam.services.ServicesException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Redis as a daemon ({@code daemonize yes}) found through its pid file. */
final class RedisServer implements RedisNode {

    private final NativeServices owner;
    private final int port;
    private final Path home;

    RedisServer(NativeServices owner, int port) {
        this.owner = owner;
        this.port = port;
        this.home = owner.config().stateDir().resolve("redis");
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String host() {
        return owner.config().host();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url() {
        return "redis://" + host() + ":" + port + "/0";
    }

    Path logFile() {
        return home.resolve("redis.log");
    }

    private Path pidFile() {
        return home.resolve("redis.pid");
    }

    @Override
    public long pid() {
        long pid = Files2.read(pidFile()).map(String::trim).filter(s -> s.matches("\\d+"))
                .map(Long::parseLong).orElse(-1L);
        if (pid <= 0 || Proc.state(pid) == State.STOPPED) {
            return -1;
        }
        String cmd = Proc.cmdline(pid);
        return cmd.contains("redis-server") && cmd.contains(":" + port) ? pid : -1;
    }

    @Override
    public State state() {
        return Proc.state(pid());
    }

    @Override
    public void pause() {
        long pid = pid();
        if (pid > 0) {
            Proc.stopOrContinue(true, List.of(pid));
        }
    }

    @Override
    public void resume() {
        long pid = pid();
        if (pid > 0) {
            Proc.stopOrContinue(false, List.of(pid));
        }
    }

    @Override
    public void kill() {
        long pid = pid();
        if (pid > 0) {
            Proc.signal("KILL", pid);
            Proc.waitGone(pid, Duration.ofSeconds(10));
        }
    }

    @Override
    public void stop() {
        long pid = pid();
        if (pid <= 0) {
            return;
        }
        Proc.signal("CONT", pid);
        Proc.signal("TERM", pid); // nothing to save: persistence is off
        if (!Proc.waitGone(pid, Duration.ofSeconds(30))) {
            kill();
        }
    }

    @Override
    public void start() {
        try (StateLock l = StateLock.acquire(owner.config().stateDir())) {
            startProcess();
        }
        awaitReady(Duration.ofSeconds(30));
    }

    @Override
    public void restart() {
        stop();
        start();
    }

    void startProcess() {
        if (pid() > 0) {
            resume();
            return;
        }
        if (!Proc.portFree(port)) {
            throw new ServicesException("redis: port " + port + " on 127.0.0.1 is taken by another process");
        }
        Path conf = home.resolve("redis.conf");
        String text = String.join("\n",
                "# written by local-services on every start",
                "port " + port,
                "bind 127.0.0.1",
                "daemonize yes",
                "pidfile " + quote(pidFile()),
                "logfile " + quote(logFile()),
                "dir " + quote(home),
                "save \"\"",
                "appendonly no",
                "") ;
        Files2.writeAtomically(conf, text);
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new ServicesException("could not remove stale " + pidFile(), e);
        }
        Proc.Result r = Proc.run(List.of(owner.redisExe().toString(), conf.toString()), Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            throw new ServicesException("redis did not start (exit " + r.exitCode() + "): " + r.output().trim()
                    + "\n--- " + logFile() + " ---\n" + Files2.tail(logFile(), 10));
        }
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (readiness() != null) {
            if (System.nanoTime() > deadline) {
                throw new ServicesException("redis on port " + port + " not ready after " + timeout.toSeconds()
                        + " s: " + readiness() + "\n--- " + logFile() + " ---\n" + Files2.tail(logFile(), 10));
            }
            Proc.sleep(10);
        }
    }

    /** Null when the server answers PING, else why not. */
    String readiness() {
        State s = state();
        if (s != State.RUNNING) {
            return "process " + s.name().toLowerCase();
        }
        String reply = ping(port, 2000);
        return reply.startsWith("+PONG") ? null : "PING answered " + reply;
    }

    /** Inline-command PING over a raw socket: no client library needed for a health check. */
    static String ping(int port, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                b.append((char) c);
            }
            return b.toString().trim();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String quote(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return "redis@" + host() + ":" + port;
    }
}
