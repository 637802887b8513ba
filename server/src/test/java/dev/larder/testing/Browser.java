package dev.larder.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, Debian's, driven through Debian's chromedriver: both paths are given, so Selenium never
 * looks for or downloads a browser or driver. {@code bin/test} installs the packages chromium and chromium-driver.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("larder.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("larder.test.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("larder.test.screenshots",
            "target/screenshots"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() throws IOException {
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IllegalStateException(program + " is missing: install Debian's chromium and chromium-driver"
                        + " (bin/test does), or point -Dlarder.test.chromium / -Dlarder.test.chromedriver at them.");
            }
        }
        Path profile = Files.createTempDirectory("larder-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As root in a container Chromium needs --no-sandbox; the background features would try to reach Google.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--disable-default-apps", "--window-size=1280,1400",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Runs an action that leaves the page (a click on a link, a form submit) and waits until the next page has
     * loaded: a click returns as soon as it is dispatched, before the browser has navigated.
     */
    public void navigate(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Resizes the window, e.g. to a phone's width. */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the window shows as target/screenshots/{name}.png; answers the file. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
