package id.aduan.sla.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import id.aduan.events.DailyRanking;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.sla.domain.Rankings;
import id.aduan.support.time.ControllableClock;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The daily ranking from clocks written straight into the real database, against figures worked out by hand, with
 * its history, its event on the real broker, CSV, and who may see which rows.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingResourceTest {

    /** Tuesday 15 September 2026: no other test has clocks in the 30 days up to it. */
    private static final String DAY = "2026-09-15";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String A = "RANK-A-" + SUFFIX;
    private static final String B = "RANK-B-" + SUFFIX;
    private static final String C = "RANK-C-" + SUFFIX;

    @Inject
    Clock clock;

    @Inject
    Rankings rankings;

    @BeforeAll
    void clocks() {
        // A: two received and answered on the day (60 and 180 office minutes), one resolved on time and rated 5;
        // an older one whose resolution deadline passed at 08:00 and is still open.
        clock(A, "09-15T09:00", "09-18T09:00", "09-15T10:00", 60, "09-22T09:00", "09-15T15:00", 5, "09-15T16:00");
        clock(A, "09-15T10:00", "09-18T10:00", "09-15T14:00", 180, "09-22T10:00", null, null, null);
        clock(A, "09-05T09:00", "09-08T09:00", "09-07T09:00", 450, "09-15T08:00", null, null, null);
        // B: one not answered by its first-response deadline (12:00), one answered in 15 minutes; an older one
        // resolved an hour late on the day and rated 2.
        clock(B, "09-15T09:00", "09-15T12:00", null, null, "09-22T09:00", null, null, null);
        clock(B, "09-15T09:30", "09-18T09:30", "09-15T09:45", 15, "09-22T09:30", null, null, null);
        clock(B, "09-12T09:00", "09-15T09:00", "09-12T10:00", 60, "09-15T10:00", "09-15T11:00", 2, "09-15T12:00");
        // C: one received, nothing due yet: no outcome, so listed apart.
        clock(C, "09-15T11:00", "09-18T11:00", null, null, "09-22T11:00", null, null, null);
    }

    @AfterEach
    void realTime() {
        ((ControllableClock) clock).reset();
    }

    @Test
    void theGovernorGetsTheDaysFiguresWorkedOutByHandAndTheHistoryKeepsThem() {
        governor().post("/api/v1/rankings/daily/" + DAY).then().statusCode(200).body("stored", equalTo(true));

        JsonPath ranking = governor().queryParam("date", DAY).get("/api/v1/rankings/daily").then().statusCode(200)
                .body("stored", equalTo(true)).body("day", equalTo(DAY)).extract().jsonPath();
        Map<String, Object> a = row(ranking, "lastDay", A);
        assertThat(a).containsEntry("rank", 1).containsEntry("received", 2).containsEntry("firstResponseOutcomes", 2)
                .containsEntry("firstResponseOnTimePct", 100.0f).containsEntry("resolutionOutcomes", 2)
                .containsEntry("resolvedOnTimePct", 50.0f).containsEntry("medianFirstResponseHours", 2.0f)
                .containsEntry("p90FirstResponseHours", 2.8f).containsEntry("openOverdue", 1)
                .containsEntry("ratings", 1).containsEntry("meanRating", 5.0f)
                // (40 × 100 + 40 × 50 + 20 × 100) ÷ 100
                .containsEntry("score", 80.0f);
        Map<String, Object> b = row(ranking, "lastDay", B);
        assertThat(b).containsEntry("rank", 2).containsEntry("received", 2).containsEntry("firstResponseOutcomes", 2)
                .containsEntry("firstResponseOnTimePct", 50.0f).containsEntry("resolutionOutcomes", 1)
                .containsEntry("resolvedOnTimePct", 0.0f).containsEntry("medianFirstResponseHours", 0.25f)
                .containsEntry("openOverdue", 0).containsEntry("meanRating", 2.0f)
                // (40 × 50 + 40 × 0 + 20 × 25) ÷ 100
                .containsEntry("score", 25.0f);
        Map<String, Object> c = row(ranking, "lastDay", C);
        assertThat(c).containsEntry("rank", null).containsEntry("received", 1)
                .containsEntry("firstResponseOutcomes", 0).containsEntry("score", null);
        // Ranked rows first, then the one listed apart.
        List<String> order = ranking.getList("lastDay.opdCode");
        assertThat(order.indexOf(A)).isLessThan(order.indexOf(B));
        assertThat(order.indexOf(B)).isLessThan(order.indexOf(C));
        // 30 days: A's older complaint counts as received and answered on time too.
        assertThat(row(ranking, "last30Days", A)).containsEntry("received", 3)
                .containsEntry("firstResponseOutcomes", 3).containsEntry("firstResponseOnTimePct", 100.0f);
        assertThat(row(ranking, "last30Days", B)).containsEntry("received", 3)
                .containsEntry("firstResponseOnTimePct", 66.7f);

        assertThat(Sql.count("select count(*) from sla.daily_ranking where day = ?", LocalDate.parse(DAY)))
                .isEqualTo(ranking.getList("lastDay").size() + ranking.getList("last30Days").size());
        DailyRanking event = published(1).get(0);
        assertThat(event.day()).isEqualTo(LocalDate.parse(DAY));
        assertThat(event.lastDay()).filteredOn(r -> A.equals(r.opdCode())).singleElement()
                .satisfies(r -> assertThat(r.rank()).isEqualTo(1));

        // Recomputed after a late answer from C: the history is replaced and published again.
        Sql.execute("update sla.sla_clock set first_response_at = '2026-09-15T11:30+07', first_response_minutes = 30"
                + " where opd_code = ?", C);
        governor().post("/api/v1/rankings/daily/" + DAY).then().statusCode(200);
        assertThat(published(2)).hasSize(2);
        assertThat(row(governor().queryParam("date", DAY).get("/api/v1/rankings/daily").jsonPath(), "lastDay", C))
                .containsEntry("firstResponseOutcomes", 1);
        assertThat(Sql.count("select count(*) from sla.daily_ranking where day = ? and opd_code = ?",
                LocalDate.parse(DAY), C)).isEqualTo(2);
    }

    @Test
    void csvHasAHeaderAndARowPerOpdAndPeriod() {
        String csv = governor().queryParam("date", DAY).queryParam("format", "csv").get("/api/v1/rankings/daily")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"peringkat-" + DAY + ".csv\""))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("period,rank,opdCode,opdName,score,received,firstResponseOutcomes,"
                + "firstResponseOnTimePct,resolutionOutcomes,resolvedOnTimePct,medianFirstResponseHours,"
                + "p90FirstResponseHours,openOverdue,ratings,meanRating");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("DAY,1," + A + ",\"Dinas " + A + "\",80.0,2,2,"));
        assertThat(governor().accept("text/csv").queryParam("date", DAY).get("/api/v1/rankings/daily").asString())
                .startsWith("period,rank,");
    }

    @Test
    void anOpdHeadSeesOnlyTheirOwnRowsWhateverTheyAsk() {
        given().auth().oauth2(TestTokens.token("kepala.b", B, "opd-head")).queryParam("date", DAY)
                .queryParam("opd", A).get("/api/v1/rankings/daily").then().statusCode(200)
                .body("lastDay", hasSize(1)).body("lastDay.opdCode", everyItem(equalTo(B)))
                .body("last30Days.opdCode", everyItem(equalTo(B)));
        given().auth().oauth2(TestTokens.token("staf.b", B, "opd-staff")).get("/api/v1/rankings/daily").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("kepala.b", B, "opd-head")).post("/api/v1/rankings/daily/" + DAY)
                .then().statusCode(403);
        given().get("/api/v1/rankings/daily").then().statusCode(401);
    }

    @Test
    void badDatesFormatsAndOpdsGetProblemDetailsInTheCallersLanguage() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        for (String date : List.of("2026-13-01", "kemarin", tomorrow, "2019-01-01", "2026-9-15")) {
            governor().queryParam("date", date).get("/api/v1/rankings/daily").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:aduan:problem:ranking-date"));
        }
        governor().header("Accept-Language", "id").queryParam("date", "kemarin").get("/api/v1/rankings/daily")
                .then().body("title", equalTo("Tanggal peringkat tidak sah"));
        governor().queryParam("date", DAY).queryParam("format", "xls").get("/api/v1/rankings/daily").then()
                .statusCode(400).body("type", equalTo("urn:aduan:problem:ranking-format"));
        governor().queryParam("date", DAY).queryParam("opd", "TIDAK-ADA").get("/api/v1/rankings/daily").then()
                .statusCode(400).body("type", equalTo("urn:aduan:problem:unknown-opd"));
        governor().post("/api/v1/rankings/daily/2026-02-30").then().statusCode(400);
    }

    @Test
    void theJobRanksThePreviousWorkingDayOnceFromSevenOClock() throws Throwable {
        // Monday 21 September: before 07:00 nothing; then Friday 18 September, once.
        ((ControllableClock) clock).set(OffsetDateTime.parse("2026-09-21T06:59:00+07:00").toInstant());
        assertThat(rankIfDue()).isEmpty();
        ((ControllableClock) clock).set(OffsetDateTime.parse("2026-09-21T07:01:00+07:00").toInstant());
        assertThat(rankIfDue())
                .isEqualTo(Optional.of(LocalDate.parse("2026-09-18")));
        assertThat(rankIfDue()).isEmpty();
        assertThat(Sql.count("select count(*) from sla.daily_ranking where day = '2026-09-18' and opd_code = ?", A))
                .isEqualTo(2);
    }

    /** The job's work, on a Vert.x context as the scheduler runs it. */
    private Optional<LocalDate> rankIfDue() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> rankings.rankIfDue());
    }

    private static List<DailyRanking> published(int atLeast) {
        // Other tests publish rankings of other days on the same topic: wait for this day's.
        return KafkaTopics.settled(Topics.SLA_RANKINGS, r -> EventJson.read(r.value()).payload(DailyRanking.class)
                        .filter(ranking -> ranking.day().equals(LocalDate.parse(DAY))).isPresent(), atLeast,
                        Duration.ofSeconds(20)).stream()
                .map(r -> EventJson.read(r.value()).payload(DailyRanking.class).orElseThrow()).toList();
    }

    private static Map<String, Object> row(JsonPath ranking, String period, String opd) {
        List<Map<String, Object>> rows = ranking.getList(period);
        return rows.stream().filter(r -> opd.equals(r.get("opdCode"))).findFirst().orElseThrow();
    }

    /** A clock as sla-monitor keeps it; times are September 2026 in WIB, "MM-DDTHH:MM". */
    private static void clock(String opd, String started, String frDeadline, String frAt, Integer frMinutes,
            String deadline, String stopped, Integer rating, String ratedAt) {
        Sql.execute("insert into sla.sla_clock (complaint_id, tracking_number, opd_code, opd_name, category,"
                        + " region_code, started_at, deadline, status, status_at, stopped_at, first_response_deadline,"
                        + " first_response_at, first_response_minutes, rating, rated_at, resolution_minutes)"
                        + " values (?, 'ADU-RANK-RANK-RANK-RANK', ?, ?, 'health', '1771', ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, 2250)",
                UUID.randomUUID(), opd, "Dinas " + opd, at(started), at(deadline),
                stopped == null ? "ROUTED" : "RESOLVED", at(stopped == null ? started : stopped), at(stopped),
                at(frDeadline), at(frAt), frMinutes, rating == null ? null : rating.shortValue(), at(ratedAt));
    }

    private static OffsetDateTime at(String monthDayTime) {
        return monthDayTime == null ? null : OffsetDateTime.parse("2026-" + monthDayTime + ":00+07:00");
    }

    private static RequestSpecification governor() {
        return given().auth().oauth2(TestTokens.token("gubernur", null, "governor"));
    }
}
