package org.saphan.hub;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by
 * Selenium against the running hub: the auditor logs in, searches by citizen ID, sees and opens the known record,
 * verifies the chain and downloads a CSV export; the operator sees throughput and provider health. Screenshots go
 * to {@code target/console-screenshots/}. Without a browser the test is skipped, unless
 * {@code SAPHAN_REQUIRE_BROWSER=1} (as {@code .ci/run} sets), where it fails.
 */
class ConsoleBrowserTest extends HubTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anAuditorFindsOpensAndVerifiesAnExchangeAndAnOperatorSeesTrafficAndProviderHealth() throws Exception {
        requireBrowser();
        String portal = bearer(PORTAL, PORTAL_SECRET);
        HttpResponse<String> allowed = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        String exchangeId = allowed.headers().firstValue("X-Exchange-Id").orElseThrow();
        Map<String, String> otherPurpose = exchangeHeaders(portal);
        otherPurpose.put("X-Purpose", "tax-administration");
        assertThat(exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", otherPurpose).statusCode()).isEqualTo(403);

        Path profile = Files.createTempDirectory("saphan-chromium");
        Path downloads = Files.createTempDirectory("saphan-downloads");
        Files.createDirectories(SCREENSHOTS);
        WebDriver browser = start(profile, downloads);
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);

            // auditor: a wrong secret is refused with the hub's problem code, then the right one logs in
            browser.get(url("/console/auditor.html"));
            logIn(browser, wait, "HUB/audit-console", "not-the-secret");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "unauthenticated"));
            logIn(browser, wait, "HUB/audit-console", "demo-audit-console-secret");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
            assertThat(sessionToken(browser, "auditor")).startsWith("{\"client\":\"HUB/audit-console\"");

            browser.findElement(By.id("q-subject")).sendKeys(CITIZEN);
            browser.findElement(By.id("q-service")).sendKeys(PROFILE);
            browser.findElement(By.id("search")).click();
            By known = By.cssSelector("#results tr[data-exchange-id='" + exchangeId + "']");
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(known));
            assertThat(row.getText()).contains("MSDHS/welfare-portal", PROFILE, "permit", "ok");
            assertThat(browser.findElements(By.cssSelector("#results tbody tr")))
                    .anySatisfy(r -> assertThat(r.getText()).contains("purpose-not-allowed"));

            row.findElement(By.cssSelector("button.open")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details")));
            assertThat(browser.findElement(By.cssSelector("dd[data-field='exchangeId']")).getText()).isEqualTo(exchangeId);
            assertThat(browser.findElement(By.cssSelector("dd[data-field='legalBasis']")).getText()).isEqualTo("pdpa-24-4");
            assertThat(browser.findElement(By.cssSelector("dd[data-field='subjectRef']")).getText())
                    .isNotBlank().doesNotContain(CITIZEN);

            browser.findElement(By.id("verify")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify-result"), "Chain intact"));
            assertThat(browser.findElement(By.id("verify-result")).getText()).contains("ห่วงโซ่สมบูรณ์");
            screenshot(browser, "auditor.png");

            browser.findElement(By.id("export")).click(); // CSV is the default format
            Path export = waitForDownload(downloads, ".csv");
            assertThat(Files.readString(export)).contains(exchangeId).doesNotContain(CITIZEN);

            // operator: the same log-in, another role; the figures come from /api/v1/traffic and /providers/health
            browser.get(url("/console/operator.html"));
            logIn(browser, wait, "HUB/operator-console", "demo-operator-console-secret");
            By profileRow = By.cssSelector("#services tr[data-service='" + PROFILE + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(profileRow));
            // the page judges the provider as the health API reports it (earlier tests may have made DOPA fail)
            double errorRate = read(get("/api/v1/providers/health", Map.of("Authorization",
                    bearer("HUB/operator-console", "demo-operator-console-secret"))).body()).path(PROFILE)
                    .path("recentErrorRate").asDouble();
            String judged = errorRate >= 0.5 ? "ขัดข้อง / failing" : errorRate > 0 ? "มีข้อผิดพลาด / degraded" : "ปกติ / healthy";
            assertThat(browser.findElement(profileRow).getText()).contains("DOPA: " + judged);
            // a rate needs two readings, three seconds apart
            wait.until(d -> d.findElement(By.id("throughput-total")).getText().matches("[0-9]+\\.[0-9]"));
            assertThat(Long.parseLong(browser.findElement(By.id("calls-total")).getText())).isPositive();
            String p50 = browser.findElement(profileRow).findElements(By.tagName("td")).get(2).getText();
            assertThat(Double.parseDouble(p50)).isPositive();
            screenshot(browser, "operator.png");

            // an auditor's token has no operator role: the page says so, and shows no figures
            browser.findElement(By.id("logout")).click();
            logIn(browser, wait, "HUB/audit-console", "demo-audit-console-secret");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "access-denied"));
        } finally {
            browser.quit();
            deleteTree(profile);
        }
    }

    @Test
    void theConsoleIsServedWithStrictSecurityHeadersAndHoldsNoData() {
        HttpResponse<String> page = get("/console/auditor.html", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).contains("ค้นหา / Search", "ตรวจสอบห่วงโซ่ / Verify chain")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(get("/console/operator.html", Map.of()).body()).contains("ปริมาณงาน", "Throughput");
        assertThat(get("/console", Map.of()).statusCode()).isIn(200, 302);
        assertThat(get("/console/no-such-page.html", Map.of()).statusCode()).isEqualTo(404);
    }

    /** Skips without a browser, unless CI requires one (then a missing browser is a failure, not a skip). */
    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("SAPHAN_REQUIRE_BROWSER"))) {
            fail("SAPHAN_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "console browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are not installed (apt-get install chromium chromium-driver; SAPHAN_REQUIRE_BROWSER=1 makes this a failure)");
    }

    /** The system's chromedriver and chromium, named explicitly, so Selenium Manager never downloads anything. */
    private static WebDriver start(Path profile, Path downloads) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=th-TH",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String clientId, String secret) {
        WebElement id = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client-id")));
        id.clear();
        id.sendKeys(clientId);
        browser.findElement(By.id("client-secret")).sendKeys(secret);
        browser.findElement(By.id("login-submit")).click();
    }

    private static String sessionToken(WebDriver browser, String role) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return sessionStorage.getItem('saphan.console." + role + "')"));
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path waitForDownload(Path folder, String suffix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> done = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(100);
        }
        try (Stream<Path> files = Files.list(folder)) {
            throw new AssertionError("no " + suffix + " download in " + folder + ": " + files.toList());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
