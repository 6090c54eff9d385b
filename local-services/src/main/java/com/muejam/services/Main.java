package com.muejam.services;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Command line for shell scripts: {@code java -jar local-services-cli.jar up|down|status|env|...}.
 * Exit codes: 0 done, 1 failed, 2 bad usage, 3 ({@code status} only) something is not running.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar local-services-cli.jar COMMAND [options]
              up                      start what is missing (idempotent); returns when all serve
              down                    fast shutdown of everything (idempotent); data is kept
              status                  one line per service; exit 3 if any is not running
              env                     export NAME='value' lines for eval in a shell
              pause|resume|kill|stop|start|restart SERVICE
                                      SERVICE: primary, replica1, replica2 or redis
            options:
              --state-dir DIR         default ./target/local-services
              --primary-port N        default 25432
              --replica-ports N[,N]   default 25433 (with --replicas 2: 25433,25434)
              --replicas 0|1|2        number of streaming replicas (default: as many as ports given)
              --redis-port N          default 26379
              --database NAME --user NAME
            Options other than --state-dir matter to up only; the other commands read the state directory.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return execute(args, out, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int execute(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        List<String> positional = new ArrayList<>();
        Path stateDir = Path.of("target", "local-services");
        Integer primaryPort = null;
        Integer redisPort = null;
        int[] replicaPorts = null;
        Integer replicaCount = null;
        String database = null;
        String user = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
            switch (a) {
                case "--state-dir" -> stateDir = Path.of(value);
                case "--primary-port" -> primaryPort = Integer.parseInt(value);
                case "--replica-ports" -> replicaPorts = ServicesConfig.parsePorts(value);
                case "--replicas" -> replicaCount = Integer.parseInt(value);
                case "--redis-port" -> redisPort = Integer.parseInt(value);
                case "--database" -> database = value;
                case "--user" -> user = value;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        stateDir = stateDir.toAbsolutePath().normalize();
        boolean hasState = Files.exists(stateDir.resolve("local-services.properties"));

        switch (command) {
            case "up" -> {
                // start from what ran here before, so a bare `up` brings back the same set
                ServicesConfig.Builder b = hasState
                        ? LocalServices.attach(stateDir).config().toBuilder()
                        : ServicesConfig.builder().stateDir(stateDir);
                if (primaryPort != null) b.primaryPort(primaryPort);
                if (redisPort != null) b.redisPort(redisPort);
                if (database != null) b.database(database);
                if (user != null) b.user(user);
                int[] ports = replicaPorts != null ? replicaPorts
                        : b.build().replicaPorts().stream().mapToInt(Integer::intValue).toArray();
                if (replicaCount != null) {
                    ports = replicaPorts(ports, replicaCount);
                }
                b.replicaPorts(ports);
                try (LocalServices s = LocalServices.up(b.build())) {
                    out.print(s.status());
                }
                return 0;
            }
            case "down" -> {
                if (!hasState) {
                    out.println("nothing to stop: no local services state in " + stateDir);
                    return 0;
                }
                try (LocalServices s = LocalServices.attach(stateDir)) {
                    s.down();
                    out.print(s.status());
                }
                return 0;
            }
            case "status" -> {
                if (!hasState) {
                    out.println("no local services state in " + stateDir + " (never started)");
                    return 3;
                }
                try (LocalServices s = LocalServices.attach(stateDir)) {
                    out.print(s.status());
                    boolean all = s.node("primary").state() == ServiceNode.State.RUNNING
                            && s.redis().state() == ServiceNode.State.RUNNING
                            && s.replicas().stream().allMatch(r -> r.state() == ServiceNode.State.RUNNING);
                    return all ? 0 : 3;
                }
            }
            case "env" -> {
                try (LocalServices s = LocalServices.attach(stateDir)) {
                    for (Map.Entry<String, String> e : s.environment().entrySet()) {
                        out.println("export " + e.getKey() + "=" + shellQuote(e.getValue()));
                    }
                }
                return 0;
            }
            case "pause", "resume", "kill", "stop", "start", "restart" -> {
                if (positional.size() != 1) {
                    throw new IllegalArgumentException(command + " needs one SERVICE");
                }
                try (LocalServices s = LocalServices.attach(stateDir)) {
                    ServiceNode n = s.node(positional.get(0));
                    switch (command) {
                        case "pause" -> n.pause();
                        case "resume" -> n.resume();
                        case "kill" -> n.kill();
                        case "stop" -> n.stop();
                        case "start" -> n.start();
                        default -> n.restart();
                    }
                    out.print(s.status());
                }
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static int[] replicaPorts(int[] given, int count) {
        if (count < 0 || count > ServicesConfig.MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas must be 0.." + ServicesConfig.MAX_REPLICAS);
        }
        int[] ports = Arrays.copyOf(given, count);
        for (int i = given.length; i < count; i++) {
            // next free-looking port after the last one given (or the default)
            ports[i] = (i == 0 ? ServicesConfig.DEFAULT_REPLICA_PORT : ports[i - 1] + 1);
        }
        return ports;
    }

    static String shellQuote(String v) {
        return "'" + v.replace("'", "'\"'\"'") + "'";
    }

    static {
        // a one-line log format for the CLI, unless the caller configured logging
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "[local-services] %5$s%6$s%n");
        }
    }
}
