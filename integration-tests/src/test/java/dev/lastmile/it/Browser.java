package dev.lastmile.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Selenium, with the network cut: every host name but localhost
 * resolves to nothing, and every request the page makes is read back from the browser's performance
 * log, so a test can assert that none left the machine. A missing browser fails the test and says how
 * to install one; it never skips.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Selenium looks for DevTools bindings matching the browser's version to offer CDP; the tests read the
     * performance log instead and need none, so its warning about a missing binding is noise.
     */
    private static final java.util.logging.Logger QUIET_DEVTOOLS = quiet("org.openqa.selenium.devtools");
    private static final java.util.logging.Logger QUIET_CHROMIUM = quiet("org.openqa.selenium.chromium");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final List<String> requested = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    static Browser start() {
        return start(options -> {
        });
    }

    /**
     * A phone: Chromium's mobile emulation at 360 × 740 with touch, as the driver's app is tested. Service
     * workers, IndexedDB and the camera need a secure origin; localhost is one.
     */
    static Browser phone() {
        return start(options -> {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 360, "height", 740, "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 13; TC52) AppleWebKit/537.36 (KHTML, like Gecko)"
                            + " Chrome/130.0 Mobile Safari/537.36"));
            options.addArguments("--lang=en-GB");
        });
    }

    private static Browser start(java.util.function.Consumer<ChromeOptions> tailoring) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + DRIVER + "): run `bash .ci/browser` (as root or with sudo).");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("lastmile-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--window-size=1280,900",
                "--homepage=about:blank", "--no-default-browser-check",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        tailoring.accept(options);
        // The driver is Debian's, next to the browser; Selenium Manager must not try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    void open(URI page) {
        driver.get(page.toString());
    }

    /** Resizes the window, e.g. to a tablet's width. */
    void size(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement clickable(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    void click(String css) {
        clickable(css).click();
    }

    /** A click at an offset from the element's centre (a map's centre holds the depot's marker). */
    void clickAt(String css, int x, int y) {
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(visible(css), x, y).click().perform();
    }

    void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !all(css).isEmpty();
    }

    String text(String css) {
        return visible(css).getText();
    }

    void waitUntil(String what, java.util.function.Supplier<Boolean> condition) {
        // The console re-renders as data arrives: an element read a moment ago may have been replaced.
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.get());
    }

    void waitForText(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(css + " to contain " + expected)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** A DevTools command (Network.emulateNetworkConditions, Emulation.setGeolocationOverride, …). */
    Map<String, Object> devtools(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Cuts the network, or gives it back, as a tunnel or a dead zone does: the page sees itself offline. */
    void offline(boolean offline) {
        devtools("Network.enable", Map.of());
        devtools("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    ChromeDriver driver() {
        return driver;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every network URL (http, https, ws, wss) the browser requested, from Chromium's performance log. The
     * browser's own pages (chrome://, chrome-untrusted://, about:) and data: or blob: URLs never reach the
     * network and are left out.
     */
    List<String> requests() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(message))) {
                    String url = reader.readObject().getJsonObject("message").getJsonObject("params")
                            .getJsonObject("request").getString("url");
                    if (url.matches("(?i)(https?|wss?)://.*")) {
                        requested.add(url);
                    }
                }
            }
        }
        return List.copyOf(requested);
    }

    /** Errors the page logged (a policy violation, a script error), since the start. */
    List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return List.copyOf(consoleErrors);
    }

    Map<String, Object> capabilities() {
        return driver.getCapabilities().asMap();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }
}
