package com.muejam.it.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.ModelType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.muejam.it.DeployedEarTest;
import com.muejam.it.routing.AppClient;

/**
 * An operator raises the primary pool in WildFly's admin console (HAL) and the running application follows, without a
 * redeploy or a reload: a management user made for the test signs in to the console in headless Chromium, edits
 * {@code PrimaryDS}'s {@code connection-pool.max-size} in Configuration, Subsystems, Datasources Agroal (HAL's model
 * browser for that subsystem) and saves; the management model, {@code /metrics} and the status page then show the new
 * size. The pool goes back to its configured expression and the user is removed afterwards. Screenshots go to
 * {@code target/status/}.
 */
class HalConsoleIT extends DeployedEarTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "status");

    private static final int EDITED_MAX_SIZE = 37;
    private static final String CONFIGURED_MAX_SIZE = "${DB_POOL_MAX_CONNECTIONS:50}";
    private static final ModelNode PRIMARY_DS = new ModelNode()
            .add("subsystem", "datasources-agroal").add("datasource", "PrimaryDS");
    private static final ModelNode MANAGEMENT_REALM = new ModelNode()
            .add("subsystem", "elytron").add("properties-realm", "ManagementRealm");

    /** HAL's ids of the model browser's tree nodes and of the form it shows for {@code datasource=PrimaryDS}. */
    private static final String TREE_DATASOURCES = "model-browser-root___datasource";
    private static final String TREE_PRIMARY_DS = TREE_DATASOURCES + "___PrimaryDS";
    private static final String FORM = "model-browser-model-browser-root-datasource-primaryds-form";
    private static final String MAX_SIZE_FIELD = FORM + "-connection-poolmax-size";

    @ArquillianResource
    ManagementClient management;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void browserInstalled() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            // the project's script installs Debian's packages when it can (root or sudo)
            Path script = Path.of("..", "bin", "ensure-packages.sh");
            new ProcessBuilder("bash", script.toString(), "chromium", "chromium-driver:chromedriver").inheritIO().start().waitFor();
        }
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the console test needs a real browser: install Debian's packages 'chromium' and 'chromium-driver'"
                        + " (apt-get install -y chromium chromium-driver) for " + CHROMIUM + " and " + CHROMEDRIVER)
                .isTrue();
        Files.createDirectories(SHOTS);
    }

    @BeforeEach
    void open() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1200");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRaisesThePrimaryPoolInTheConsoleAndTheApplicationFollowsWithoutRedeploy() throws Exception {
        AppClient.User moderator = app.moderator();
        Map<String, Long> enabledAt = deploymentsEnabledAt();
        assertThat(enabledAt).isNotEmpty();
        double configured = app.metric("muejam_pool_max_size", "pool=primary");
        assertThat(configured).as("primary pool before the edit").isPositive().isNotEqualTo(EDITED_MAX_SIZE);

        ManagementUser user = ManagementUser.create(management);
        try {
            ((HasAuthentication) browser).register(UsernameAndPassword.of(user.name(), user.password()));
            editPrimaryMaxSizeInTheConsole(String.valueOf(EDITED_MAX_SIZE));

            // the model holds the plain value the console wrote
            ModelNode maxSize = execute(Operations.createReadAttributeOperation(PRIMARY_DS, "connection-pool.max-size"));
            assertThat(maxSize.getType()).as("max-size %s", maxSize).isNotEqualTo(ModelType.EXPRESSION);
            assertThat(maxSize.asInt()).isEqualTo(EDITED_MAX_SIZE);
            assertThat(execute(Operations.createReadAttributeOperation(new ModelNode().setEmptyList(), "server-state")).asString())
                    .as("applied at once, no reload asked for").isEqualTo("running");

            // the application follows: /metrics, then the status page
            awaitTrue("muejam_pool_max_size{pool=\"primary\"} = " + EDITED_MAX_SIZE, Duration.ofSeconds(10),
                    () -> app.metric("muejam_pool_max_size", "pool=primary") == EDITED_MAX_SIZE);
            browser.get(base + "status/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-panel")));
            browser.findElement(By.id("username")).sendKeys(moderator.username());
            browser.findElement(By.id("password")).sendKeys(AppClient.PASSWORD);
            browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
            awaitTrue("status page primary row shows max " + EDITED_MAX_SIZE, Duration.ofSeconds(15),
                    () -> String.valueOf(EDITED_MAX_SIZE).equals(primaryPoolMax()));
            screenshot("hal-status-page");

            assertThat(deploymentsEnabledAt()).as("deployments and the times they were enabled").isEqualTo(enabledAt);
        } finally {
            try {
                execute(Operations.createWriteAttributeOperation(PRIMARY_DS, "connection-pool.max-size",
                        new ModelNode().setExpression(CONFIGURED_MAX_SIZE)));
            } finally {
                user.remove();
            }
        }
        awaitTrue("primary pool back to " + configured, Duration.ofSeconds(10),
                () -> app.metric("muejam_pool_max_size", "pool=primary") == configured);
    }

    /**
     * Configuration, Subsystems, Datasources Agroal, View: HAL's model browser for the subsystem; there datasource,
     * PrimaryDS, Edit, "Connection Pool.max Size", Save.
     */
    private void editPrimaryMaxSizeInTheConsole(String value) throws IOException {
        // the configured expression, whatever an earlier test left
        execute(Operations.createWriteAttributeOperation(PRIMARY_DS, "connection-pool.max-size",
                new ModelNode().setExpression(CONFIGURED_MAX_SIZE)));
        String console = "http://" + management.getMgmtAddress() + ":" + management.getMgmtPort() + "/console/";
        browser.get(console);
        try {
            click(By.id("tlc-configuration"));
            click(By.cssSelector("li#subsystems"));
            click(By.cssSelector("li#datasources-agroal"));
            click(By.cssSelector("li#datasources-agroal a.btn-finder"));
            wait.until(ExpectedConditions.urlContains("#generic-subsystem"));
            click(By.cssSelector("li#" + TREE_DATASOURCES + " > i.jstree-ocl"));
            click(By.id(TREE_PRIMARY_DS + "_anchor"));
            By readOnly = By.id(MAX_SIZE_FIELD + "-readonly");
            wait.until(ExpectedConditions.textToBe(readOnly, CONFIGURED_MAX_SIZE));
            click(By.cssSelector("#" + FORM + "-links a[data-operation=edit]"));

            WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(MAX_SIZE_FIELD + "-editing")));
            assertThat(field.getDomProperty("value")).isEqualTo(CONFIGURED_MAX_SIZE);
            field.clear();
            field.sendKeys(value);
            screenshot("hal-pool-editing");
            click(By.cssSelector("#" + FORM + "-editing button.btn-primary"));

            wait.until(ExpectedConditions.textToBe(readOnly, value));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast-notifications-list-pf"),
                    "datasource PrimaryDS successfully modified."));
            browser.findElement(readOnly).click(); // in view for the screenshot
            screenshot("hal-pool");
        } catch (RuntimeException | AssertionError e) {
            screenshot("hal-failure");
            Files.writeString(SHOTS.resolve("hal-failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** The 5th cell of the primary row, read in one script: the page replaces its rows on every refresh. */
    private String primaryPoolMax() {
        Object max = ((JavascriptExecutor) browser).executeScript(
                "const tr = document.querySelector('#pools tr[data-key=\"pool:primary\"]');"
                        + " return tr && tr.cells.length > 4 ? tr.cells[4].textContent : null;");
        return (String) max;
    }

    private Map<String, Long> deploymentsEnabledAt() throws Exception {
        ModelNode op = Operations.createOperation("read-children-resources", new ModelNode().setEmptyList());
        op.get("child-type").set("deployment");
        op.get("include-runtime").set(true); // enabled-time is a runtime attribute
        Map<String, Long> enabledAt = new LinkedHashMap<>();
        for (var deployment : execute(op).asPropertyList()) {
            ModelNode at = deployment.getValue().get("enabled-time");
            assertThat(at.isDefined()).as("enabled-time of %s", deployment).isTrue();
            enabledAt.put(deployment.getName(), at.asLong());
        }
        return enabledAt;
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        return execute(management, operation);
    }

    private static ModelNode execute(ManagementClient management, ModelNode operation) throws IOException {
        ModelNode result = management.getControllerClient().execute(operation);
        assertThat(Operations.isSuccessfulOutcome(result)).as("%s -> %s", operation, result).isTrue();
        return Operations.readResult(result);
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * A management user with a password made for this run, written by the server's {@code add-user.sh} to the files
     * of {@code ManagementRealm} and loaded by the running server ({@code properties-realm:load}).
     */
    private record ManagementUser(String name, String password, Path usersFile, ManagementClient management) {

        static ManagementUser create(ManagementClient management) throws Exception {
            assertThat(execute(management, Operations.createOperation("read-operation-names", MANAGEMENT_REALM)).asList())
                    .as("operations of %s", MANAGEMENT_REALM).contains(new ModelNode("load"));
            Path usersFile = resolve(management,
                    execute(management, Operations.createReadAttributeOperation(MANAGEMENT_REALM, "users-properties")));
            SecureRandom random = new SecureRandom();
            HexFormat hex = HexFormat.of();
            byte[] id = new byte[4];
            byte[] secret = new byte[16];
            random.nextBytes(id);
            random.nextBytes(secret);
            String name = "operator-" + hex.formatHex(id);
            // add-user.sh asks for a letter, a digit and a symbol
            String password = "Op-" + hex.formatHex(secret) + "-9";
            Path home = Path.of(System.getProperty("muejam.wildfly.home"));
            ProcessBuilder addUser = new ProcessBuilder("bash", home.resolve("bin/add-user.sh").toString(),
                    "-up", usersFile.toString(), "-u", name, "-p", password, "-s") // that file only, not domain/
                    .redirectErrorStream(true);
            addUser.environment().put("JBOSS_HOME", home.toString());
            Process process = addUser.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("add-user.sh finished").isTrue();
            assertThat(process.exitValue()).as("add-user.sh: %s", out).isZero();
            assertThat(Files.readAllLines(usersFile)).as("%s", usersFile).anyMatch(l -> l.startsWith(name + "="));
            ManagementUser user = new ManagementUser(name, password, usersFile, management);
            user.load();
            return user;
        }

        void remove() throws IOException {
            List<String> kept = Files.readAllLines(usersFile).stream().filter(l -> !l.startsWith(name + "=")).toList();
            Files.write(usersFile, kept);
            load();
        }

        private void load() throws IOException {
            execute(management, Operations.createOperation("load", MANAGEMENT_REALM));
        }

        /** A {@code {path, relative-to}} of the model as a file. */
        private static Path resolve(ManagementClient management, ModelNode fileAttribute) throws IOException {
            Path path = Path.of(fileAttribute.get("path").asString());
            if (!fileAttribute.hasDefined("relative-to")) {
                return path;
            }
            ModelNode relativeTo = new ModelNode().add("path", fileAttribute.get("relative-to").asString());
            return Path.of(execute(management, Operations.createReadAttributeOperation(relativeTo, "path")).asString())
                    .resolve(path);
        }
    }
}
