package id.aduan.sla.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import id.aduan.events.Category;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.RoutingDecision;
import id.aduan.events.SlaBreached;
import id.aduan.events.SlaClockChanged;
import id.aduan.events.Topics;
import id.aduan.sla.domain.SlaSweep;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import id.aduan.testing.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Clocks from the real topics, in the real database, and breaches announced once on the real broker. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class ComplaintEventsConsumerTest {

    @Inject
    SlaSweep sweep;

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    /** A Monday in October 2026, a month without holidays. */
    private static final OffsetDateTime MONDAY_9 = OffsetDateTime.parse("2026-10-05T09:00:00+07:00");
    /**
     * Its 5 working days (37.5 office hours): Monday 09:00-16:00 less the break (6 h), Tuesday to Friday (30 h),
     * then Monday 12 October from 07:30 for 1.5 h.
     */
    private static final OffsetDateTime MONDAY_9_DEADLINE = OffsetDateTime.parse("2026-10-12T09:00:00+07:00");

    @Test
    void anOverdueComplaintIsListedAndItsBreachAnnouncedOnce() {
        String opd = opd();
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime routedAt = MONDAY_9;
        EventEnvelope routed = routed(complaintId, opd, routedAt);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor().queryParam("opd", opd)
                .get("/api/v1/sla/overdue").then().statusCode(200)
                .body("complaintId", hasItem(complaintId.toString())));
        long hoursOver = Duration.between(MONDAY_9_DEADLINE, OffsetDateTime.now(WIB)).toHours();
        assertThat(governor().queryParam("opd", opd).get("/api/v1/sla/overdue").<Integer>path("[0].overdueHours"))
                .isBetween((int) hoursOver - 1, (int) hoursOver + 1);
        String deadline = governor().queryParam("opd", opd).get("/api/v1/sla/overdue").path("[0].deadline");
        assertThat(OffsetDateTime.parse(deadline)).isEqualTo(MONDAY_9_DEADLINE);
        assertThat(OffsetDateTime.parse(deadline).getOffset()).isEqualTo(WIB);

        var breaches = KafkaTopics.settled(Topics.SLA_EVENTS, r -> complaintId.toString().equals(r.key())
                && isResolutionBreach(r.value()), 1, Duration.ofSeconds(20));
        assertThat(breaches).hasSize(1);
        SlaBreached breach = EventJson.read(breaches.get(0).value()).payload(SlaBreached.class).orElseThrow();
        assertThat(breach.opdCode()).isEqualTo(opd);
        assertThat(breach.deadline().toInstant()).isEqualTo(MONDAY_9_DEADLINE.toInstant());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> governor()
                .get("/api/v1/sla/clocks/" + complaintId).then().body("breachedAt", notNullValue()));

        // Later sweeps do not announce it again: two run to the end here, then the stack is quiet.
        sweep.sweep().await().atMost(Duration.ofSeconds(30));
        sweep.sweep().await().atMost(Duration.ofSeconds(30));
        KafkaTopics.awaitQuiet();
        assertThat(KafkaTopics.all(Topics.SLA_EVENTS, r -> complaintId.toString().equals(r.key())
                && isResolutionBreach(r.value()))).hasSize(1);
        assertThat(Sql.count("select count(*) from sla.processed_event where event_id = ?", routed.eventId()))
                .isEqualTo(1);
    }

    @Test
    void aReRouteKeepsTheClockAndResolutionStopsIt() {
        String opd = opd();
        String next = opd + "-2";
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime routedAt = MONDAY_9;
        EventEnvelope routed = routed(complaintId, opd, routedAt);
        EventEnvelope rerouted = routed.next("rerouted-2", new ComplaintRouted(snapshot(complaintId, routedAt),
                new RoutingDecision(next, "Dinas 2", "r", "1", "re-route", 2, opd)),
                Clock.fixed(routedAt.plusDays(2).toInstant(), WIB));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, rerouted);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor()
                .get("/api/v1/sla/clocks/" + complaintId).then().statusCode(200)
                .body("opdCode", equalTo(next))
                .body("startedAt", notNullValue())
                .body("overdue", equalTo(true)));
        // The re-route two days in did not restart the clock: the deadline is the first routing's.
        assertThat(OffsetDateTime.parse(governor().get("/api/v1/sla/clocks/" + complaintId).path("deadline")))
                .isEqualTo(MONDAY_9_DEADLINE);

        assertThat(OffsetDateTime.parse(governor().get("/api/v1/sla/clocks/" + complaintId).path("startedAt"))
                .toInstant()).isEqualTo(routedAt.toInstant());

        KafkaTopics.send(Topics.COMPLAINTS_STATUS, rerouted.next("resolved", status(complaintId, next,
                ComplaintStatus.RESOLVED), Clock.fixed(routedAt.plusDays(6).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor()
                .get("/api/v1/sla/clocks/" + complaintId).then()
                .body("status", equalTo("RESOLVED"))
                .body("overdue", equalTo(false))
                .body("stoppedAt", notNullValue()));
        governor().queryParam("opd", next).get("/api/v1/sla/overdue").then()
                .body("complaintId", not(hasItem(complaintId.toString())));

        KafkaTopics.send(Topics.COMPLAINTS_STATUS, rerouted.next("reopened", status(complaintId, next,
                ComplaintStatus.REOPENED), Clock.fixed(routedAt.plusDays(6).plusHours(1).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor().queryParam("opd", next)
                .get("/api/v1/sla/overdue").then().body("complaintId", hasItem(complaintId.toString())));
    }

    @Test
    void waitingForTheCitizenPausesTheClockAndThePauseMovesTheDeadline() {
        String opd = opd();
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime routedAt = MONDAY_9;
        EventEnvelope routed = routed(complaintId, opd, routedAt);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        // Asked on Tuesday 09:00: 7.5 office hours used (Monday 6 h, Tuesday 1.5 h), 30 h left.
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, routed.next("ask", status(complaintId, opd,
                ComplaintStatus.WAITING_FOR_CITIZEN), Clock.fixed(routedAt.plusDays(1).toInstant(), WIB)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor()
                .get("/api/v1/sla/clocks/" + complaintId).then().statusCode(200)
                .body("state", equalTo("PAUSED")).body("overdue", equalTo(false)));
        governor().queryParam("opd", opd).get("/api/v1/sla/overdue").then()
                .body("complaintId", not(hasItem(complaintId.toString())));

        // The citizen answers on Monday 19 October 09:00: the 30 h left run from then (Monday 6 h, Tuesday to
        // Thursday 22.5 h, Friday from 07:30 for 1.5 h), to Friday 23 October 09:00.
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, routed.next("answered", status(complaintId, opd,
                ComplaintStatus.ACKNOWLEDGED), Clock.fixed(routedAt.plusDays(14).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor()
                .get("/api/v1/sla/clocks/" + complaintId).then().body("state", equalTo("RUNNING")));
        String deadline = governor().get("/api/v1/sla/clocks/" + complaintId).path("deadline");
        assertThat(OffsetDateTime.parse(deadline)).isEqualTo(OffsetDateTime.parse("2026-10-23T09:00:00+07:00"));

        var changes = KafkaTopics.settled(Topics.SLA_EVENTS, r -> complaintId.toString().equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains("SlaClockChanged"), 3, Duration.ofSeconds(15));
        assertThat(changes.stream().map(r -> EventJson.read(r.value()).payload(SlaClockChanged.class).orElseThrow()))
                .extracting(SlaClockChanged::state).containsExactly("RUNNING", "PAUSED", "RUNNING");
    }

    @Test
    void aTransferGivesTheClockToTheMergedOpdsSuccessorWithTheSameDeadline() {
        String opd = opd();
        String successor = opd + "-GAB";
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime routedAt = MONDAY_9;
        EventEnvelope routed = routed(complaintId, opd, routedAt);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor()
                .get("/api/v1/sla/clocks/" + complaintId).then().statusCode(200).body("opdCode", equalTo(opd)));

        EventEnvelope transfer = routed.next("transfer", transfer(complaintId, successor, ComplaintStatus.ROUTED),
                Clock.fixed(routedAt.plusDays(5).plusHours(2).toInstant(), WIB));
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, transfer);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor().queryParam("opd", successor)
                .get("/api/v1/sla/overdue").then().body("complaintId", hasItem(complaintId.toString())));
        governor().queryParam("opd", opd).get("/api/v1/sla/overdue").then()
                .body("complaintId", not(hasItem(complaintId.toString())));
        governor().get("/api/v1/sla/clocks/" + complaintId).then()
                .body("state", equalTo("RUNNING")).body("status", equalTo("ROUTED"));
        assertThat(OffsetDateTime.parse(governor().get("/api/v1/sla/clocks/" + complaintId).path("deadline")))
                .isEqualTo(MONDAY_9_DEADLINE);

        var announced = KafkaTopics.settled(Topics.SLA_EVENTS, r -> complaintId.toString().equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains("SlaClockChanged"), 2, Duration.ofSeconds(15));
        assertThat(announced.stream().map(r -> EventJson.read(r.value()).payload(SlaClockChanged.class).orElseThrow()))
                .extracting(SlaClockChanged::opdCode).containsExactly(opd, successor);
    }

    @Test
    void aTransferReadBeforeItsRoutingStillMovesTheClock() {
        String opd = opd();
        String successor = opd + "-GAB";
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime routedAt = MONDAY_9;
        EventEnvelope routed = routed(complaintId, opd, routedAt);
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, routed.next("transfer", transfer(complaintId, successor,
                ComplaintStatus.ROUTED), Clock.fixed(routedAt.plusHours(1).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).until(() -> Sql.count(
                "select count(*) from sla.early_status_change where complaint_id = ?", complaintId) == 1);

        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> governor()
                .get("/api/v1/sla/clocks/" + complaintId).then().statusCode(200)
                .body("opdCode", equalTo(successor)).body("state", equalTo("RUNNING")));
        assertThat(OffsetDateTime.parse(governor().get("/api/v1/sla/clocks/" + complaintId).path("deadline")))
                .isEqualTo(MONDAY_9_DEADLINE);
    }

    @Test
    void aRoadComplaintGetsItsCategorysClassOfFourteenWorkingDays() {
        String opd = opd();
        UUID complaintId = UUID.randomUUID();
        ComplaintSnapshot road = new ComplaintSnapshot("ADU-" + complaintId.toString().substring(0, 4).toUpperCase()
                + "-SLAT-SLAT-SLAT", Category.ROAD, "1705", "Jalan berlubang", null, null, "api",
                MONDAY_9.minusMinutes(1));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(road, new RoutingDecision(opd, "Dinas " + opd, "r", "1", "uji", 1, null)),
                Clock.fixed(MONDAY_9.toInstant(), WIB)));
        // 14 working days (105 office hours) from Monday 5 October 09:00: the 14th working day after it is Friday
        // 23 October, until 09:00.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(OffsetDateTime.parse(governor()
                .get("/api/v1/sla/clocks/" + complaintId).then().statusCode(200).extract().path("deadline")))
                .isEqualTo(OffsetDateTime.parse("2026-10-23T09:00:00+07:00")));
    }

    @Test
    void theLiaisonOfAnOutsideOfficeSeesItsClockAndOverdueStateAndOthersDoNot() {
        String office = opd();
        String liaison = office + "-LIAISON";
        UUID complaintId = UUID.randomUUID();
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(snapshot(complaintId, MONDAY_9), new RoutingDecision(office, "Dinas Kabupaten",
                        "r", "1", "uji", 1, null, liaison)), Clock.fixed(MONDAY_9.toInstant(), WIB)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(liaison).get("/api/v1/sla/overdue").then()
                .statusCode(200).body("complaintId", hasItem(complaintId.toString()))
                .body("liaisonOpdCode", hasItem(liaison)));
        staff(liaison).get("/api/v1/sla/clocks/" + complaintId).then().statusCode(200)
                .body("opdCode", equalTo(office)).body("liaisonOpdCode", equalTo(liaison));
        staff(office + "-LAIN").get("/api/v1/sla/clocks/" + complaintId).then().statusCode(404);
        staff(office + "-LAIN").get("/api/v1/sla/overdue").then().statusCode(200)
                .body("complaintId", not(hasItem(complaintId.toString())));

        // A merger moves it to another office with another liaison: the old liaison no longer sees it.
        String successor = office + "-GAB";
        String newLiaison = office + "-LIAISON2";
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                ComplaintStatusChanged.transfer("ADU-X", successor, "Dinas Gabungan", newLiaison,
                        ComplaintStatus.ROUTED, "system", "digabung"), Clock.fixed(MONDAY_9.plusDays(1).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(newLiaison)
                .get("/api/v1/sla/clocks/" + complaintId).then().statusCode(200)
                .body("opdCode", equalTo(successor)));
        staff(liaison).get("/api/v1/sla/clocks/" + complaintId).then().statusCode(404);
    }

    @Test
    void poisonGoesToTheDeadLetterTopic() {
        String poison = "[\"not\", \"an\", \"event\", \"" + UUID.randomUUID() + "\"]";
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, "p", poison.getBytes(StandardCharsets.UTF_8));
        assertThat(KafkaTopics.settled(Topics.deadLetter("sla-monitor"),
                r -> new String(r.value(), StandardCharsets.UTF_8).equals(poison), 1, Duration.ofSeconds(20)))
                .hasSize(1);
    }

    /** The resolution clock's breach (the first-response clock breaches too, with its own event). */
    private static boolean isResolutionBreach(byte[] value) {
        return EventJson.read(value).payload(SlaBreached.class).filter(b -> "RESOLUTION".equals(b.clock()))
                .isPresent();
    }

    private static String opd() {
        return "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static EventEnvelope routed(UUID complaintId, String opd, OffsetDateTime at) {
        return EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null, new ComplaintRouted(
                snapshot(complaintId, at), new RoutingDecision(opd, "Dinas " + opd, "r", "1", "uji", 1, null)),
                Clock.fixed(at.toInstant(), WIB));
    }

    private static ComplaintSnapshot snapshot(UUID complaintId, OffsetDateTime at) {
        return new ComplaintSnapshot("ADU-" + complaintId.toString().substring(0, 4).toUpperCase() + "-SLAT-SLAT-SLAT",
                Category.HEALTH, "1705", "Puskesmas menolak kartu BPJS", null, null, "api", at.minusMinutes(1));
    }

    private static ComplaintStatusChanged status(UUID complaintId, String opd, ComplaintStatus status) {
        return new ComplaintStatusChanged("ADU-" + complaintId.toString().substring(0, 4).toUpperCase()
                + "-SLAT-SLAT-SLAT", opd, null, status, ComplaintAction.UNKNOWN, "staff", null, null, null, null, null);
    }

    /** What opd-inbox announces when the OPD holding the complaint merged into {@code successor}. */
    private static ComplaintStatusChanged transfer(UUID complaintId, String successor, ComplaintStatus status) {
        return new ComplaintStatusChanged("ADU-" + complaintId.toString().substring(0, 4).toUpperCase()
                + "-SLAT-SLAT-SLAT", successor, status, status, ComplaintAction.TRANSFER, "system",
                "digabung ke " + successor, null, null, null, null);
    }

    private static io.restassured.specification.RequestSpecification staff(String opd) {
        return given().auth().oauth2(TestTokens.token("staf.uji", opd, "opd-staff"));
    }

    private static io.restassured.specification.RequestSpecification governor() {
        return given().auth().oauth2(TestTokens.token("gubernur", null, "governor"));
    }
}
