package com.muejam.it.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.log.Log;
import org.openqa.selenium.devtools.v156.runtime.Runtime;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.ServicesSession;
import com.muejam.it.api.TestDatabase;
import com.muejam.it.routing.AppClient;
import com.muejam.services.PgNode;

/**
 * The operators' status page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) against
 * the deployed EAR: a plain user is refused; a moderator signs in on the page, which loads without console
 * errors, shows the figures {@code /metrics} serves, gains chart points as requests are served, flags the primary
 * pool when {@code PrimaryDS} is squeezed live (min 1, max 2, through the management API), and flags lag and the rotation exit of a replica whose replay is
 * paused. Screenshots go to {@code target/status/}.
 */
class StatusPageIT extends DeployedEarTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "status");

    @ArquillianResource
    ManagementClient management;

    private ChromeDriver browser;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void browserInstalled() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            // the project's script installs Debian's packages when it can (root or sudo)
            Path script = Path.of("..", "bin", "ensure-packages.sh");
            new ProcessBuilder("bash", script.toString(), "chromium", "chromium-driver:chromedriver").inheritIO().start().waitFor();
        }
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the status page test needs a real browser: install Debian's packages 'chromium' and 'chromium-driver'"
                        + " (apt-get install -y chromium chromium-driver) for " + CHROMIUM + " and " + CHROMEDRIVER)
                .isTrue();
        Files.createDirectories(SHOTS);
    }

    @BeforeEach
    void open() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        DevTools devTools = browser.getDevTools();
        devTools.createSession();
        devTools.send(Log.enable());
        devTools.send(Runtime.enable());
        devTools.addListener(Log.entryAdded(), e -> {
            if (e.getLevel() == org.openqa.selenium.devtools.v156.log.model.LogEntry.Level.ERROR) {
                consoleErrors.add(e.getText() + " " + e.getUrl().orElse(""));
            }
        });
        devTools.addListener(Runtime.consoleAPICalled(), e -> {
            if (e.getType() == org.openqa.selenium.devtools.v156.runtime.model.ConsoleAPICalled.Type.ERROR) {
                consoleErrors.add("console.error " + e.getArgs());
            }
        });
        devTools.addListener(Runtime.exceptionThrown(), e -> consoleErrors.add("exception " + e.getExceptionDetails().getText()
                + " " + e.getExceptionDetails().getException().flatMap(x -> x.getDescription()).orElse("")));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aUserWithoutTheModeratorRoleIsShownTheRefusalAndNoFigures() throws Exception {
        AppClient.User user = app.signUp("reader");
        browser.get(base + "status/");
        awaitTrue("sign-in form", Duration.ofSeconds(10), () -> displayed("sign-in-panel"));
        assertThat(displayed("status")).as("figures before signing in").isFalse();
        signIn(user.username());
        awaitTrue("refusal shown", Duration.ofSeconds(10),
                () -> text("sign-in-error").contains("moderator role required"));
        assertThat(displayed("status")).as("figures for a plain user").isFalse();
        assertThat(rows("pools")).isEmpty();
        screenshot("refused");
        // the one expected error: the browser logs the 403 it was answered
        assertThat(consoleErrors).allSatisfy(e -> assertThat(e).contains("403"));
    }

    @Test
    void aModeratorSeesTheMetricsFiguresLiveChartsAndTheFlagsOfASqueezedPoolAndAPausedReplica() throws Exception {
        AppClient.User moderator = app.moderator();
        for (int i = 0; i < 5; i++) {
            app.get("api/discover/newest"); // cached reads, so that a region has figures
        }
        browser.get(base + "status/");
        awaitTrue("sign-in form", Duration.ofSeconds(10), () -> displayed("sign-in-panel"));
        signIn(moderator.username());
        awaitTrue("first refresh", Duration.ofSeconds(15), () -> points() >= 1 && displayed("status"));
        awaitTrue("chart library loaded", Duration.ofSeconds(5), () -> chartPoints("chart-pools") >= 1);

        // the figures are the ones /metrics serves (stable ones: nothing else is sent meanwhile)
        awaitTrue("a refresh after the reads", Duration.ofSeconds(10), () -> points() >= 2);
        Map<String, List<String>> pools = rows("pools");
        assertThat(pools).containsKeys("pool:primary", "pool:replica");
        assertThat(Double.parseDouble(pools.get("pool:primary").get(4)))
                .isEqualTo(app.metric("muejam_pool_max_size", "pool=primary"));
        assertThat(Double.parseDouble(pools.get("pool:primary").get(6)))
                .isEqualTo(app.metric("muejam_pool_acquisition_timeouts_total", "pool=primary"));
        Map<String, List<String>> replicas = rows("replicas");
        assertThat(replicas.get("replica:replica").subList(1, 3)).containsExactly("yes", "yes");
        assertThat(app.metric("muejam_db_replica_in_rotation", "replica=replica")).isEqualTo(1);
        String region = rows("cache").entrySet().stream().filter(e -> !e.getValue().get(1).equals("0"))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no region with L1 hits: " + rows("cache")))
                .substring("cache:".length());
        int before = points();
        awaitTrue("one more refresh", Duration.ofSeconds(10), () -> points() > before);
        assertThat(Double.parseDouble(rows("cache").get("cache:" + region).get(1)))
                .as("L1 hits of region %s", region)
                .isEqualTo(app.metric("muejam_cache_hits", "region=" + region, "tier=l1"));
        assertThat(text("breaker")).isEqualTo("CLOSED");
        // nothing squeezed or paused yet (a route's p95 may be over the line from the server's warm-up)
        System.out.println("[status-page] flags at rest: " + flags());
        assertThat(flags()).noneMatch(f -> f.startsWith("pool ") || f.startsWith("replica ") || f.startsWith("L2"));
        screenshot("status-page");

        // the charts gain points as requests are served
        int latencyPoints = chartPoints("chart-latency");
        for (int i = 0; i < 20; i++) {
            app.get("api/stories/" + Long.MAX_VALUE);
        }
        awaitTrue("chart points added", Duration.ofSeconds(10), () -> chartPoints("chart-latency") > latencyPoints);
        assertThat(text("requests")).matches("\\d+");
        assertThat(text("latency-p95")).as("p95 of the last minute, all routes").matches("\\d+\\.\\d");

        squeezedPrimaryPoolIsFlagged(moderator);
        pausedReplicaIsFlagged();
        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    /** PrimaryDS resized to 2 live; two edits wait on a locked row, each holding a connection: 100 %. */
    private void squeezedPrimaryPoolIsFlagged(AppClient.User author) throws Exception {
        HttpResponse<String> created = app.post("api/stories", "{\"title\":\"Squeeze\",\"body\":\"held\"}", author.auth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long story = AppClient.id(created.body());
        ModelNode pool = new ModelNode().add("subsystem", "datasources-agroal").add("datasource", "PrimaryDS");
        execute(Operations.createWriteAttributeOperation(pool, "connection-pool.min-size", 1));
        execute(Operations.createWriteAttributeOperation(pool, "connection-pool.max-size", 2));
        List<CompletableFuture<HttpResponse<String>>> edits = List.of();
        try (Connection lock = TestDatabase.primary()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("SELECT id FROM stories WHERE id = " + story + " FOR UPDATE");
            }
            edits = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() ->
                    app.patch("api/stories/" + story, "{\"title\":\"Squeezed " + i + "\"}", author.auth()))).toList();
            awaitTrue("pool flag on the page", Duration.ofSeconds(20),
                    () -> flags().stream().anyMatch(f -> f.matches("pool primary at [1-9]\\d\\d % .*")));
            assertThat(rowClass("pools", "pool:primary")).contains("breached");
            assertThat(rows("pools").get("pool:primary").get(4)).isEqualTo("2");
            screenshot("pool-squeezed");
            lock.rollback();
        } finally {
            for (CompletableFuture<HttpResponse<String>> edit : edits) {
                edit.join();
            }
            execute(Operations.createWriteAttributeOperation(pool, "connection-pool.max-size",
                    new ModelNode().setExpression("${DB_POOL_MAX_CONNECTIONS:50}")));
            execute(Operations.createWriteAttributeOperation(pool, "connection-pool.min-size",
                    new ModelNode().setExpression("${DB_POOL_MIN_CONNECTIONS:10}")));
        }
        awaitTrue("pool flag cleared", Duration.ofSeconds(20),
                () -> flags().stream().noneMatch(f -> f.startsWith("pool primary")));
    }

    /** Replay paused on the first replica while the primary keeps writing: lag rises past 1 s, rotation exit. */
    private void pausedReplicaIsFlagged() throws Exception {
        PgNode replica = ServicesSession.services().replicas().get(0);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> writeTicks(writing), "status-page-ticks");
        try {
            replay(replica, false);
            writer.start();
            awaitTrue("lag and rotation flags", Duration.ofSeconds(30), () -> {
                List<String> flags = flags();
                return flags.stream().anyMatch(f -> f.matches("replica replica lag \\d+\\.\\d s"))
                        && flags.contains("replica replica out of rotation");
            });
            assertThat(rowClass("replicas", "replica:replica")).contains("breached");
            assertThat(rows("replicas").get("replica:replica").get(2)).isEqualTo("no");
            double lag = Double.parseDouble(rows("replicas").get("replica:replica").get(3));
            assertThat(lag).isGreaterThan(1.0);
            screenshot("replica-paused");
        } finally {
            writing.set(false);
            writer.join(5000);
            replay(replica, true);
        }
        awaitTrue("replica back in rotation", Duration.ofSeconds(40),
                () -> app.metric("muejam_db_replica_in_rotation", "replica=replica") == 1);
    }

    private void signIn(String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(AppClient.PASSWORD);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    private boolean displayed(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private int points() {
        return Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-points"));
    }

    private int chartPoints(String canvas) {
        Object n = ((JavascriptExecutor) browser).executeScript(
                "const c = window.Chart && Chart.getChart(arguments[0]); return c ? c.data.labels.length : 0;", canvas);
        return ((Number) n).intValue();
    }

    // read in one script each: the page replaces its rows on every refresh, so elements held across calls go stale

    @SuppressWarnings("unchecked")
    private List<String> flags() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#flags li'), li => li.textContent);");
    }

    /** The table's rows by their {@code data-key}, each as its cells' text. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> rows(String table) {
        return (Map<String, List<String>>) js("const rows = {};"
                + " document.querySelectorAll('#' + arguments[0] + ' tbody tr').forEach(tr =>"
                + " rows[tr.dataset.key] = Array.from(tr.cells, td => td.textContent)); return rows;", table);
    }

    private String rowClass(String table, String key) {
        Object c = js("const tr = document.querySelector('#' + arguments[0] + ' tbody tr[data-key=\"' + arguments[1] + '\"]');"
                + " return tr ? tr.className : null;", table, key);
        assertThat(c).as("row %s of %s", key, table).isNotNull();
        return (String) c;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void execute(ModelNode operation) throws Exception {
        ModelNode result = management.getControllerClient().execute(operation);
        assertThat(Operations.isSuccessfulOutcome(result)).as("%s -> %s", operation, result).isTrue();
    }

    private static void replay(PgNode replica, boolean on) throws Exception {
        try (Connection c = jdbc(replica); Statement s = c.createStatement()) {
            s.execute(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()");
            awaitTrue("replay " + (on ? "resumed" : "paused"), Duration.ofSeconds(10), () -> {
                try (ResultSet rs = s.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
                    rs.next();
                    return on == "not paused".equals(rs.getString(1));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void writeTicks(AtomicBoolean writing) {
        try (Connection c = jdbc(ServicesSession.services().primary()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS it_status_ticks (at timestamptz NOT NULL)");
            while (writing.get()) {
                s.execute("INSERT INTO it_status_ticks VALUES (now())");
                Thread.sleep(50);
            }
            s.execute("DROP TABLE it_status_ticks");
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection jdbc(PgNode node) throws SQLException {
        return DriverManager.getConnection(node.jdbcUrl(), node.user(), node.password());
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
