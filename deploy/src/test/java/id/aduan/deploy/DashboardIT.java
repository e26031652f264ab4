package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testing.HeadlessChromium;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The governor's dashboard on the running system: in headless Chromium the governor is sent to the real Keycloak,
 * logs in, and lands on the ranking, whose bars are in the order the API gives.
 */
class DashboardIT {

    private final Stack stack = TestStack.get();
    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theGovernorLogsInWithKeycloakAndSeesTheRankingInOrder() throws Exception {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(7);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        // Two OPDs with first responses that day: one answered all three in time, one a single one of three.
        String suffix = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String fast = "SYS-FAST-" + suffix;
        String slow = "SYS-SLOW-" + suffix;
        for (int i = 0; i < 3; i++) {
            clock(fast, day, i, true);
            clock(slow, day, i, i == 0);
        }
        String governor = Tokens.of(stack, "gubernur");
        given().baseUri(stack.url(Service.SLA)).auth().oauth2(governor).post("/api/v1/rankings/daily/" + day)
                .then().statusCode(200);
        List<String> ranked = given().baseUri(stack.url(Service.SLA)).auth().oauth2(governor)
                .queryParam("date", day.toString()).get("/api/v1/rankings/daily").jsonPath()
                .getList("lastDay.findAll { it.rank != null }.opdCode");
        assertThat(ranked).containsSubsequence(fast, slow);

        browser = HeadlessChromium.start(412, 915);
        browser.get(stack.url(Service.SLA) + "/rankings?date=" + day);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/aduan/");
        browser.findElement(By.id("username")).sendKeys("gubernur");
        browser.findElement(By.id("password")).sendKeys(stack.users().get("gubernur"));
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score-chart")));
        assertThat(browser.getCurrentUrl()).startsWith(stack.url(Service.SLA) + "/rankings");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Peringkat responsivitas OPD");
        List<String> drawn = browser.findElements(By.cssSelector("#score-chart g.bar")).stream()
                .sorted(Comparator.comparingInt((WebElement b) -> b.getRect().getY()))
                .map(b -> b.getAttribute("data-opd")).toList();
        assertThat(drawn).isEqualTo(ranked);

        // The session carries on: the drill-down opens without another login.
        browser.findElement(By.cssSelector("#ranking-table tr[data-opd='" + slow + "'] td.opd a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), slow));
    }

    /** A clock routed on {@code day} at 08:00 + i h, answered within the hour or not at all by its 12:00 deadline. */
    private void clock(String opd, LocalDate day, int i, boolean answered) throws Exception {
        OffsetDateTime started = day.atTime(8 + i, 0).atZone(ZoneId.of("Asia/Jakarta")).toOffsetDateTime();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement("insert into sla.sla_clock (complaint_id, tracking_number,"
                        + " opd_code, opd_name, category, region_code, started_at, opd_since, deadline, status,"
                        + " status_at, first_response_deadline, first_response_at, first_response_minutes,"
                        + " resolution_minutes) values (?, 'ADU-SYSD-SYSD-SYSD-SYSD', ?, ?, 'health', '1771', ?, ?, ?,"
                        + " 'ROUTED', ?, ?, ?, ?, 2250)")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, opd);
            s.setString(3, "Dinas " + opd);
            s.setObject(4, started);
            s.setObject(5, started);
            s.setObject(6, started.plusDays(7));
            s.setObject(7, started);
            s.setObject(8, started.withHour(12));
            s.setObject(9, answered ? started.plusMinutes(30) : null);
            s.setObject(10, answered ? 30 : null);
            s.executeUpdate();
        }
    }
}
