package id.aduan.sla.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.aduan.events.Category;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.RoutingDecision;
import id.aduan.events.SlaClockChanged;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calendar corrections by the admin API, on the real database and broker: a new holiday moves the open deadlines that
 * span it (worked out by hand, pause included), dropping the correction moves them back, and bad input gets problem
 * details.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class CalendarAdminResourceTest {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final OffsetDateTime MONDAY_9 = OffsetDateTime.parse("2026-10-05T09:00:00+07:00");
    /** A Wednesday after the paused clock resumed, before its deadline. */
    private static final String HOLIDAY = "2026-10-21";

    @Test
    void aNewHolidayMovesTheOpenDeadlinesThatSpanItAndDroppingItMovesThemBack() {
        String opd = "CAL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID paused = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        EventEnvelope routed = routed(paused, opd);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed(early, opd));
        // Asked on Tuesday 09:00 (7.5 h used, 30 h left), answered Monday 19 October 09:00: due Friday 23 October.
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, routed.next("ask", status(opd, ComplaintAction.REQUEST_INFO,
                ComplaintStatus.WAITING_FOR_CITIZEN), Clock.fixed(MONDAY_9.plusDays(1).toInstant(), WIB)));
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, routed.next("answer", status(opd, ComplaintAction.CITIZEN_REPLY,
                ComplaintStatus.ACKNOWLEDGED), Clock.fixed(MONDAY_9.plusDays(14).toInstant(), WIB)));
        awaitDeadline(paused, "2026-10-23T09:00:00+07:00");
        awaitDeadline(early, "2026-10-12T09:00:00+07:00");

        // Wednesday 21 October becomes a holiday: the 30 h now run Mon 6 h, Tue 7.5 h, Thu 7.5 h, Fri 7.5 h and
        // Monday 26 October from 07:30 for 1.5 h. The clock due on 12 October does not span it.
        admin().contentType(ContentType.JSON).body(Map.of("kind", "libur", "name", "Hari libur uji",
                        "source", "Keppres uji 2026")).put("/api/v1/admin/calendar/" + HOLIDAY).then()
                .statusCode(200).body("origin", equalTo("correction"));
        awaitDeadline(paused, "2026-10-26T09:00:00+07:00");
        assertThat(deadline(early)).isEqualTo(OffsetDateTime.parse("2026-10-12T09:00:00+07:00"));
        admin().queryParam("year", "2026").get("/api/v1/admin/calendar").then().statusCode(200)
                .body("find { it.date == '" + HOLIDAY + "' }.origin", equalTo("correction"))
                .body("find { it.date == '2026-08-17' }.origin", equalTo("file"));
        assertThat(KafkaTopics.settled(Topics.SLA_EVENTS, r -> paused.toString().equals(r.key())
                && EventJson.read(r.value()).payload(SlaClockChanged.class)
                        .filter(c -> c.deadline().isEqual(OffsetDateTime.parse("2026-10-26T09:00:00+07:00")))
                        .isPresent(), 1, Duration.ofSeconds(15))).hasSize(1);

        // Dropped again: back to Friday.
        admin().delete("/api/v1/admin/calendar/" + HOLIDAY).then().statusCode(204);
        awaitDeadline(paused, "2026-10-23T09:00:00+07:00");
        admin().delete("/api/v1/admin/calendar/" + HOLIDAY).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badCorrectionsAndOtherRolesAreRefusedWithProblemDetails() {
        admin().contentType(ContentType.JSON).body(Map.of("kind", "cuti", "name", "x", "source", "y"))
                .put("/api/v1/admin/calendar/2026-12-24").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("kind"));
        admin().contentType(ContentType.JSON).body(Map.of("kind", "libur", "name", "x"))
                .put("/api/v1/admin/calendar/2026-12-24").then().statusCode(400).body("errors.field", hasItem("source"));
        for (String date : new String[] {"2026-02-30", "besok", "2031-01-01"}) {
            admin().contentType(ContentType.JSON).body(Map.of("kind", "libur", "name", "x", "source", "y"))
                    .put("/api/v1/admin/calendar/" + date).then().statusCode(400)
                    .body("type", equalTo("urn:aduan:problem:calendar-date"));
        }
        admin().header("Accept-Language", "id").queryParam("year", "2030").get("/api/v1/admin/calendar").then()
                .statusCode(400).body("title", equalTo("Tahun tidak sah"));
        given().auth().oauth2(TestTokens.token("gubernur", null, "governor")).get("/api/v1/admin/calendar").then()
                .statusCode(403);
        given().get("/api/v1/admin/calendar").then().statusCode(401);
        admin().get("/api/v1/admin/calendar").then().statusCode(200);
    }

    private static void awaitDeadline(UUID complaintId, String expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deadline(complaintId))
                .isEqualTo(OffsetDateTime.parse(expected)));
    }

    private static OffsetDateTime deadline(UUID complaintId) {
        String deadline = given().auth().oauth2(TestTokens.token("gubernur", null, "governor"))
                .get("/api/v1/sla/clocks/" + complaintId).then().extract().path("deadline");
        return deadline == null ? null : OffsetDateTime.parse(deadline);
    }

    private static EventEnvelope routed(UUID complaintId, String opd) {
        return EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null, new ComplaintRouted(
                new ComplaintSnapshot("ADU-CALX-CALX-CALX-CALX", Category.HEALTH, "1771", "Uji kalender", null, null,
                        "api", MONDAY_9.minusMinutes(1)),
                new RoutingDecision(opd, "Dinas " + opd, "r", "1", "uji", 1, null)), Clock.fixed(MONDAY_9.toInstant(),
                WIB));
    }

    private static ComplaintStatusChanged status(String opd, ComplaintAction action, ComplaintStatus status) {
        return new ComplaintStatusChanged(null, opd, null, status, action, "staff", null, null, null, null, null);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("admin.aduan", null, "admin"));
    }
}
