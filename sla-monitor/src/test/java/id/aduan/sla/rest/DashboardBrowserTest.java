package id.aduan.sla.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import id.aduan.testing.HeadlessChromium;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The governor's dashboard in headless Chromium, sized like a phone, with the governor's bearer token: the chart
 * shows the OPDs in ranking order, the table agrees, each OPD has its trend line and a drill-down to its overdue
 * complaints.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    /** Tuesday 29 September 2026; Friday 25 and Monday 28 before it are working days too. */
    private static final String DAY = "2026-09-29";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    private static final String X = "DASH-X-" + SUFFIX;
    private static final String Y = "DASH-Y-" + SUFFIX;
    private static final String Z = "DASH-Z-" + SUFFIX;

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

    private boolean prepared;

    /** Once for the class (REST Assured knows the port only once a test runs). */
    private void clocks() {
        if (prepared) {
            return;
        }
        prepared = true;
        // X answers all three on time (score 100), Y two of three (66.7), Z none and misses their resolution
        // deadline of 10:00 (0). Each also had one complaint on Friday 25th, answered on time: a trend to draw.
        for (String opd : List.of(X, Y, Z)) {
            clock(opd, "09-25T09:00", "09-30T09:00", "09-25T10:00", 60, "10-02T09:00");
        }
        clock(X, "09-29T08:00", "10-02T08:00", "09-29T08:30", 30, "10-06T08:00");
        clock(X, "09-29T08:10", "10-02T08:10", "09-29T09:10", 60, "10-06T08:10");
        clock(X, "09-29T08:20", "10-02T08:20", "09-29T09:50", 90, "10-06T08:20");
        clock(Y, "09-29T08:00", "10-02T08:00", "09-29T08:30", 30, "10-06T08:00");
        clock(Y, "09-29T08:10", "10-02T08:10", "09-29T09:10", 60, "10-06T08:10");
        clock(Y, "09-29T08:20", "09-29T09:00", "09-29T11:00", 160, "10-06T08:20");
        clock(Z, "09-29T08:00", "09-29T12:00", null, null, "09-29T10:00");
        clock(Z, "09-29T08:10", "09-29T12:10", null, null, "09-29T10:10");
        clock(Z, "09-29T08:20", "09-29T12:20", null, null, "09-29T10:20");
        for (String day : List.of("2026-09-25", "2026-09-28", DAY)) {
            governor().post("/api/v1/rankings/daily/" + day).then().statusCode(200);
        }
    }

    @BeforeEach
    void start() throws Exception {
        clocks();
        browser = HeadlessChromium.start(412, 915);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Authorization", "Bearer " + TestTokens.token("gubernur", null, "governor"))));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theChartShowsTheOpdsInRankingOrderAndTheDrillDownListsTheOverdue() {
        List<String> ranked = governor().queryParam("date", DAY).get("/api/v1/rankings/daily").jsonPath()
                .getList("lastDay.findAll { it.rank != null }.opdCode");
        assertThat(ranked).containsSubsequence(X, Y, Z);

        browser.get(root + "rankings?date=" + DAY);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Peringkat responsivitas OPD");

        // Bars from top to bottom, as drawn: the ranking's order, with the scores worked out by hand.
        List<WebElement> bars = browser.findElements(By.cssSelector("#score-chart g.bar"));
        List<String> drawn = bars.stream().sorted(Comparator.comparingInt(b -> b.getRect().getY()))
                .map(b -> b.getAttribute("data-opd")).toList();
        assertThat(drawn).isEqualTo(ranked);
        assertThat(score(bars, X)).isEqualTo("100.0");
        assertThat(score(bars, Y)).isEqualTo("66.7");
        assertThat(score(bars, Z)).isEqualTo("0.0");
        assertThat(width(bars, X)).isGreaterThan(width(bars, Y));
        assertThat(width(bars, Y)).isGreaterThan(width(bars, Z));

        // The table agrees, and each OPD has a 30-day trend of three days.
        List<String> rows = browser.findElements(By.cssSelector("#ranking-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-opd")).toList();
        assertThat(rows).isEqualTo(ranked);
        WebElement trend = browser.findElement(By.cssSelector("#ranking-table tr[data-opd='" + X
                + "'] svg.trend polyline"));
        assertThat(trend.getAttribute("points").split(" ")).hasSize(3);

        // Readable on a phone: the page itself does not scroll sideways (the table scrolls in its box).
        Long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        Long viewport = (Long) browser.executeScript("return window.innerWidth");
        assertThat(pageWidth).isLessThanOrEqualTo(viewport);

        // Drill down to Z's overdue complaints.
        browser.findElement(By.cssSelector("#ranking-table tr[data-opd='" + Z + "'] td.opd a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith(Z);
        // Its three of the day, and Friday's, due on 2 October and still open.
        assertThat(browser.findElements(By.cssSelector("#overdue-table tbody tr"))).hasSize(4);
    }

    @Test
    void anOpdHeadSeesOnlyTheirOwnRowAndNoOtherDrillDown() {
        String head = TestTokens.token("kepala.y", Y, "opd-head");
        given().auth().oauth2(head).queryParam("date", DAY).get("/rankings").then().statusCode(200)
                .body(containsString("data-opd=\"" + Y + "\"")).body(not(containsString("data-opd=\"" + X + "\"")));
        given().auth().oauth2(head).get("/rankings/opd/" + X).then().statusCode(404);
        given().auth().oauth2(head).queryParam("date", DAY).get("/rankings/csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .body(containsString("," + Y + ",")).body(not(containsString(X)));
        given().auth().oauth2(TestTokens.token("staf.y", Y, "opd-staff")).get("/rankings").then().statusCode(403);
        given().get("/rankings").then().statusCode(401);
    }

    private static String score(List<WebElement> bars, String opd) {
        return bars.stream().filter(b -> opd.equals(b.getAttribute("data-opd"))).findFirst().orElseThrow()
                .getAttribute("data-score");
    }

    private static int width(List<WebElement> bars, String opd) {
        return bars.stream().filter(b -> opd.equals(b.getAttribute("data-opd"))).findFirst().orElseThrow()
                .findElement(By.tagName("rect")).getRect().getWidth();
    }

    private static void clock(String opd, String started, String frDeadline, String frAt, Integer frMinutes,
            String deadline) {
        Sql.execute("insert into sla.sla_clock (complaint_id, tracking_number, opd_code, opd_name, category,"
                        + " region_code, started_at, deadline, status, status_at, first_response_deadline,"
                        + " first_response_at, first_response_minutes, resolution_minutes)"
                        + " values (?, ?, ?, ?, 'health', '1771', ?, ?, 'ROUTED', ?, ?, ?, ?, 2250)",
                UUID.randomUUID(), "ADU-DASH-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase()
                        + "-DASH-DASH", opd, "Dinas " + opd, at(started), at(deadline), at(started), at(frDeadline),
                at(frAt), frMinutes);
    }

    private static OffsetDateTime at(String monthDayTime) {
        return monthDayTime == null ? null : OffsetDateTime.parse("2026-" + monthDayTime + ":00+07:00");
    }

    private static io.restassured.specification.RequestSpecification governor() {
        return given().auth().oauth2(TestTokens.token("gubernur", null, "governor"));
    }
}
