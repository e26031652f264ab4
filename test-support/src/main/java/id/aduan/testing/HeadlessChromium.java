package id.aduan.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Selenium without Selenium Manager (no network). Install it with
 * {@code apt-get install -y chromium chromium-driver} (.ci/run does). A missing browser fails the test: a browser
 * test that skips itself proves nothing.
 */
public final class HeadlessChromium {

    private static final String BROWSER = System.getProperty("aduan.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("aduan.test.chromedriver", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile left in /tmp is untidy, not wrong.
        }
    }

    /** A fresh browser with its own profile, sized like a phone unless told otherwise. Quit it after the test. */
    public static ChromeDriver start(int width, int height) throws IOException {
        if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Chromium not found at " + BROWSER + " / " + DRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory("aduan-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        // Quitting also removes the throw-away profile, so runs leave nothing in /tmp.
        ChromeDriver driver = new ChromeDriver(service, options) {
            @Override
            public void quit() {
                try {
                    super.quit();
                } finally {
                    deleteTree(profile);
                }
            }
        };
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
