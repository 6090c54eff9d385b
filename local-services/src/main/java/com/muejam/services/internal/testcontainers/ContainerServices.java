package com.muejam.services.internal.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.RedisNode;
import com.muejam.services.ServiceNode;
import com.muejam.services.ServiceNode.State;
import com.muejam.services.ServicesConfig;
import com.muejam.services.ServicesException;
import com.muejam.services.internal.NativeServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The same services as Docker containers ({@code -Dmuejam.services=testcontainers}): {@code postgres:15} primary,
 * streaming replicas cloned with {@code pg_basebackup -R} over a private network, {@code redis:7}. Host ports are
 * the configured ones (bound explicitly, so a stopped and started container keeps its port). Containers live as
 * long as the JVM that started them (Testcontainers' reaper removes them); {@link #attach(Path)} works in that
 * JVM only. Password auth, since Docker publishes ports on all interfaces.
 */
public final class ContainerServices implements LocalServices {

    static final String POSTGRES = "postgres:15";
    static final String REDIS = "redis:7";
    /** The primary's name on the set's private network, where the replicas clone and stream from. */
    static final String PRIMARY_ALIAS = "pg-primary";
    static final String PGDATA = "/var/lib/postgresql/data";
    private static final Map<Path, ContainerServices> RUNNING = new ConcurrentHashMap<>();

    private final ServicesConfig config;
    private final Network network;
    private final ContainerPg primary;
    private final List<ContainerPg> replicas = new ArrayList<>();
    private final ContainerRedis redis;

    public static synchronized LocalServices up(ServicesConfig config) {
        ContainerServices existing = RUNNING.get(config.stateDir());
        if (existing != null && existing.config.equals(config)) {
            existing.all().forEach(n -> {
                if (n.state() == State.PAUSED) {
                    n.resume();
                } else if (n.state() == State.STOPPED) {
                    n.start();
                }
            });
            return existing;
        }
        if (existing != null) {
            existing.down();
        }
        ContainerServices s = new ContainerServices(config);
        RUNNING.put(config.stateDir(), s);
        return s;
    }

    public static LocalServices attach(Path stateDir) {
        ContainerServices s = RUNNING.get(stateDir.toAbsolutePath().normalize());
        if (s == null) {
            throw new ServicesException("no Testcontainers services for " + stateDir + " in this JVM (containers "
                    + "live only as long as the JVM that started them)");
        }
        return s;
    }

    private ContainerServices(ServicesConfig config) {
        this.config = config;
        this.network = Network.newNetwork();
        List<Definition> definitions = definitions(config);
        GenericContainer<?> pg = container(definitions.get(0), null);
        pg.start();
        this.primary = new ContainerPg(this, "primary", pg, false);
        for (Definition d : definitions.subList(1, definitions.size() - 1)) {
            GenericContainer<?> r = container(d, pg);
            r.start();
            ContainerPg node = new ContainerPg(this, d.name(), r, true);
            replicas.add(node);
            node.awaitReady();
        }
        GenericContainer<?> rd = container(definitions.get(definitions.size() - 1), null);
        rd.start();
        this.redis = new ContainerRedis(this, rd);
    }

    /**
     * One container of the set as defined before anything runs: image, network alias (null: none), environment,
     * command, files copied in before start (path to content, mode 0755), the container port published on the
     * configured host port, the log line (and how often it must appear) that means ready, and whether it starts
     * after the primary.
     */
    record Definition(String name, String image, String networkAlias, Map<String, String> env, List<String> command,
            Map<String, String> files, int containerPort, int hostPort, String readyLog, int readyTimes,
            boolean afterPrimary) {
    }

    /** The primary, its replicas (in order) and Redis, for {@code config}; no Docker needed. */
    static List<Definition> definitions(ServicesConfig config) {
        List<Definition> all = new ArrayList<>();
        String replicationScript = "echo 'host replication all all scram-sha-256' >> \"$PGDATA/pg_hba.conf\"\n";
        all.add(new Definition("primary", POSTGRES, PRIMARY_ALIAS,
                Map.of("POSTGRES_USER", config.user(), "POSTGRES_PASSWORD", config.password(),
                        "POSTGRES_DB", config.database()),
                List.of("postgres", "-c", "wal_level=replica", "-c", "max_wal_senders=10",
                        "-c", "max_replication_slots=10", "-c", "hot_standby=on", "-c", "synchronous_commit=on",
                        "-c", "shared_preload_libraries=pg_stat_statements", "-c", "cluster_name=primary"),
                Map.of("/docker-entrypoint-initdb.d/10-replication.sh", replicationScript),
                5432, config.primaryPort(),
                // the image starts a temporary server for its init scripts first, hence the second message
                ".*database system is ready to accept connections.*", 2, false));
        for (int i = 0; i < config.replicaCount(); i++) {
            String name = "replica" + (i + 1);
            String script = String.join("\n",
                    "set -e",
                    "if [ ! -s " + PGDATA + "/PG_VERSION ]; then",
                    "  until pg_isready -q -h " + PRIMARY_ALIAS + " -p 5432 -U " + config.user()
                            + "; do sleep 0.5; done",
                    "  rm -rf " + PGDATA + "/*",
                    "  gosu postgres pg_basebackup -h " + PRIMARY_ALIAS + " -p 5432 -U " + config.user() + " -D "
                            + PGDATA + " -R -X stream -C -S " + name + " -w",
                    "  chmod 700 " + PGDATA,
                    "fi",
                    "exec gosu postgres postgres -D " + PGDATA + " -c hot_standby=on -c hot_standby_feedback=on"
                            + " -c cluster_name=" + name + " -c shared_preload_libraries=pg_stat_statements");
            all.add(new Definition(name, POSTGRES, null, Map.of("PGPASSWORD", config.password()),
                    List.of("bash", "-c", script), Map.of(), 5432, config.replicaPorts().get(i),
                    ".*ready to accept read-only connections.*", 1, true));
        }
        all.add(new Definition("redis", REDIS, null, Map.of(),
                List.of("redis-server", "--save", "", "--appendonly", "no"), Map.of(), 6379, config.redisPort(),
                ".*Ready to accept connections.*", 1, false));
        return all;
    }

    /** The container of {@code d} on this set's network; {@code primary} is what a replica waits for. */
    private GenericContainer<?> container(Definition d, GenericContainer<?> primary) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(d.image())).withNetwork(network)
                .withEnv(d.env())
                .withCommand(d.command().toArray(String[]::new))
                .withExposedPorts(d.containerPort())
                .withCreateContainerCmdModifier(bind(d.hostPort(), d.containerPort()))
                .waitingFor(Wait.forLogMessage(d.readyLog(), d.readyTimes()));
        if (d.networkAlias() != null) {
            c.withNetworkAliases(d.networkAlias());
        }
        d.files().forEach((path, content) -> c.withCopyToContainer(Transferable.of(content, 0755), path));
        if (d.afterPrimary()) {
            c.dependsOn(primary);
        }
        return c;
    }

    /** Whether Testcontainers finds a Docker engine (its usual environment detection). */
    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static Consumer<CreateContainerCmd> bind(int hostPort, int containerPort) {
        return cmd -> cmd.getHostConfig().withPortBindings(
                new PortBinding(Ports.Binding.bindPort(hostPort), ExposedPort.tcp(containerPort)));
    }

    static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private List<ServiceNode> all() {
        List<ServiceNode> l = new ArrayList<>();
        l.add(primary);
        l.addAll(replicas);
        l.add(redis);
        return l;
    }

    @Override
    public ServicesConfig config() {
        return config;
    }

    @Override
    public PgNode primary() {
        return primary;
    }

    @Override
    public List<PgNode> replicas() {
        return List.copyOf(replicas);
    }

    @Override
    public PgNode replica(int index1Based) {
        if (index1Based < 1 || index1Based > replicas.size()) {
            throw new IllegalArgumentException("replica" + index1Based + " does not exist");
        }
        return replicas.get(index1Based - 1);
    }

    @Override
    public RedisNode redis() {
        return redis;
    }

    @Override
    public ServiceNode node(String name) {
        return all().stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
    }

    @Override
    public Map<String, String> environment() {
        return NativeServices.environment(primary.host(), config, primary.port(),
                replicas.stream().map(ContainerPg::port).toList(), redis.port());
    }

    @Override
    public String status() {
        StringBuilder b = new StringBuilder("testcontainers (network ").append(network.getId()).append(")\n");
        for (ServiceNode n : all()) {
            b.append(String.format(Locale.ROOT, "%-9s %s:%-5d pid %-7s %s%n", n.name(), n.host(), n.port(),
                    n.pid() > 0 ? Long.toString(n.pid()) : "-", n.state().name().toLowerCase(Locale.ROOT)));
        }
        return b.toString();
    }

    @Override
    public synchronized void down() {
        List<ServiceNode> nodes = all();
        java.util.Collections.reverse(nodes);
        for (ServiceNode n : nodes) {
            ((ContainerNode) n).container.stop();
        }
        network.close();
        RUNNING.remove(config.stateDir(), this);
    }

    @Override
    public void close() {
        // containers stay until down() or JVM exit
    }

    /** Docker operations shared by the PostgreSQL and Redis containers. */
    abstract static class ContainerNode implements ServiceNode {
        final ContainerServices owner;
        final String name;
        final GenericContainer<?> container;
        final int port;

        ContainerNode(ContainerServices owner, String name, GenericContainer<?> container, int containerPort) {
            this.owner = owner;
            this.name = name;
            this.container = container;
            this.port = container.getMappedPort(containerPort);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return port;
        }

        private InspectContainerResponse.ContainerState inspect() {
            return docker().inspectContainerCmd(container.getContainerId()).exec().getState();
        }

        @Override
        public long pid() {
            InspectContainerResponse.ContainerState s = inspect();
            return Boolean.TRUE.equals(s.getRunning()) && s.getPidLong() != null ? s.getPidLong() : -1;
        }

        @Override
        public State state() {
            InspectContainerResponse.ContainerState s = inspect();
            if (Boolean.TRUE.equals(s.getPaused())) {
                return State.PAUSED;
            }
            return Boolean.TRUE.equals(s.getRunning()) ? State.RUNNING : State.STOPPED;
        }

        @Override
        public void pause() {
            if (state() == State.RUNNING) {
                docker().pauseContainerCmd(container.getContainerId()).exec();
            }
        }

        @Override
        public void resume() {
            if (state() == State.PAUSED) {
                docker().unpauseContainerCmd(container.getContainerId()).exec();
            }
        }

        @Override
        public void kill() {
            resume();
            if (state() == State.RUNNING) {
                docker().killContainerCmd(container.getContainerId()).exec();
            }
        }

        @Override
        public void stop() {
            resume();
            if (state() == State.RUNNING) {
                docker().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
            }
        }

        @Override
        public void start() {
            if (state() == State.STOPPED) {
                docker().startContainerCmd(container.getContainerId()).exec();
            }
            awaitReady();
        }

        @Override
        public void restart() {
            stop();
            start();
        }

        abstract String readiness();

        void awaitReady() {
            long deadline = System.nanoTime() + 120_000_000_000L;
            String why;
            while ((why = readiness()) != null) {
                if (System.nanoTime() > deadline) {
                    throw new ServicesException(name + " container not ready: " + why);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ServicesException("interrupted", e);
                }
            }
        }
    }

    static final class ContainerPg extends ContainerNode implements PgNode {
        private final boolean replica;

        ContainerPg(ContainerServices owner, String name, GenericContainer<?> container, boolean replica) {
            super(owner, name, container, 5432);
            this.replica = replica;
        }

        @Override
        public String database() {
            return owner.config.database();
        }

        @Override
        public String user() {
            return owner.config.user();
        }

        @Override
        public String password() {
            return owner.config.password();
        }

        @Override
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host() + ":" + port() + "/" + database();
        }

        /** Inside the container. */
        @Override
        public Path dataDir() {
            return Path.of(PGDATA);
        }

        @Override
        public boolean isReplica() {
            return replica;
        }

        private String query(ContainerPg node, String sql) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user());
            p.setProperty("password", password());
            p.setProperty("connectTimeout", "5");
            p.setProperty("socketTimeout", "10");
            try (Connection c = DriverManager.getConnection(node.jdbcUrl(), p);
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        @Override
        String readiness() {
            if (state() != State.RUNNING) {
                return "container " + state().name().toLowerCase(Locale.ROOT);
            }
            try {
                if (!("t".equals(query(this, "select pg_is_in_recovery()")) == replica)) {
                    return "wrong recovery state";
                }
                if (!replica || owner.primary == null || owner.primary.state() != State.RUNNING) {
                    return null;
                }
                String st = query(owner.primary, "select state from pg_stat_replication where application_name = '"
                        + name + "'");
                return "streaming".equals(st) ? null : "replication state " + st;
            } catch (SQLException e) {
                return e.getMessage();
            }
        }
    }

    static final class ContainerRedis extends ContainerNode implements RedisNode {
        ContainerRedis(ContainerServices owner, GenericContainer<?> container) {
            super(owner, "redis", container, 6379);
        }

        @Override
        public String url() {
            return "redis://" + host() + ":" + port() + "/0";
        }

        @Override
        String readiness() {
            if (state() != State.RUNNING) {
                return "container " + state().name().toLowerCase(Locale.ROOT);
            }
            try (java.net.Socket s = new java.net.Socket(host(), port())) {
                s.setSoTimeout(2000);
                s.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] b = new byte[7];
                int n = s.getInputStream().read(b);
                return n > 0 && new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII).startsWith("+PONG")
                        ? null : "no PONG";
            } catch (java.io.IOException e) {
                return e.toString();
            }
        }
    }
}
