package id.aduan.intake.rest.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Topics;
import id.aduan.testing.HeadlessChromium;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The form in a real browser, phone-sized, without any JavaScript of ours being needed. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class WebFormBrowserTest {

    @TestHTTPResource("/")
    URL home;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start(412, 915);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** A page load after a click is not awaited by Selenium: wait for what the next page shows. */
    private WebElement await(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(what));
    }

    @Test
    void aCitizenCorrectsAMistakeGetsATrackingNumberAndFollowsTheStatus() {
        browser.get(home.toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sampaikan pengaduan Anda");

        // First try: the description is too short.
        browser.findElement(By.cssSelector("input[name=category][value=road]")).click();
        browser.findElement(By.id("description")).sendKeys("rusak");
        new Select(browser.findElement(By.id("region"))).selectByValue("1708");
        browser.findElement(By.id("kecamatan")).sendKeys("Ujan Mas");
        browser.findElement(By.id("submit")).click();

        assertThat(await(By.id("error-description")).getText())
                .isEqualTo("Isi pengaduan harus 10 sampai 4000 karakter.");
        assertThat(new Select(browser.findElement(By.id("region"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("1708");
        assertThat(browser.findElement(By.id("kecamatan")).getAttribute("value")).isEqualTo("Ujan Mas");
        assertThat(browser.findElement(By.cssSelector("input[name=category][value=road]")).isSelected()).isTrue();

        // Corrected.
        browser.findElement(By.id("description")).clear();
        browser.findElement(By.id("description")).sendKeys("Jalan ke kebun kopi berlubang dalam, motor tidak bisa lewat");
        browser.findElement(By.id("submit")).click();

        String trackingNumber = await(By.id("tracking-number")).getText();
        assertThat(trackingNumber).matches("ADU(-[0-9A-Z]{4}){4}");
        assertThat(browser.findElement(By.id("citizen-token")).getText()).isNotBlank();
        assertThat(KafkaTopics.settled(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(trackingNumber), 1,
                Duration.ofSeconds(10))).hasSize(1);

        browser.findElement(By.id("status-link")).click();
        assertThat(await(By.id("status")).getText()).isEqualTo("Diterima");
        assertThat(browser.findElement(By.id("tracking-number")).getText()).isEqualTo(trackingNumber);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Diterima");
        assertThat(browser.findElement(By.id("opd")).getText()).isEqualTo("Sedang diteruskan ke OPD yang berwenang");

        // The switch to English keeps the citizen on the same page.
        browser.findElement(By.id("switch-language")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Complaint status"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Received");
    }
}
