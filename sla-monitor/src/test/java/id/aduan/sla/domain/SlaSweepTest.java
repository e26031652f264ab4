package id.aduan.sla.domain;

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
import id.aduan.events.SlaBreached;
import id.aduan.events.SlaEscalated;
import id.aduan.events.SlaWarning;
import id.aduan.events.Topics;
import id.aduan.support.time.ControllableClock;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Warnings, breaches and escalations on a controlled clock, against hand-computed office time, on the real broker and
 * database: each threshold is announced once, at its instant, and none of a clock that stopped.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class SlaSweepTest {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    /** Monday 5 October 2026, 09:00: October has no holiday. */
    private static final OffsetDateTime ROUTED_AT = at("2026-10-05T09:00");

    @Inject
    Clock clock;

    @Inject
    SlaSweep sweep;

    @AfterEach
    void realTime() {
        ((ControllableClock) clock).reset();
    }

    @Test
    void thresholdsAreAnnouncedOnceEachAtTheirOfficeTime() {
        String opd = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID complaintId = UUID.randomUUID();
        moveTo("2026-10-05T08:00");
        EventEnvelope routed = EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null, new ComplaintRouted(
                new ComplaintSnapshot("ADU-SWEP-SWEP-SWEP-SWEP", Category.HEALTH, "1771", "Antrean BPJS", null, null,
                        "api", ROUTED_AT.minusMinutes(1)),
                new RoutingDecision(opd, "Dinas " + opd, "r", "1", "uji", 1, null)), fixed(ROUTED_AT));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).until(() -> Sql.count(
                "select count(*) from sla.sla_mark where complaint_id = ?", complaintId) == 7);

        // Monday noon: nothing is due.
        moveTo("2026-10-05T12:00");
        sweepNow();
        assertThat(thresholds(complaintId)).isEmpty();

        // First response: 3 working days (22.5 office hours) to Thursday 8 October 09:00; half of it is used on
        // Tuesday 13:45 (Monday 6 h, Tuesday 07:30-12:00 and 13:00-13:45).
        moveTo("2026-10-06T13:44");
        sweepNow();
        assertThat(thresholds(complaintId)).isEmpty();
        moveTo("2026-10-06T13:46");
        sweepNow();
        assertThat(thresholds(complaintId)).containsExactly("SlaWarning FIRST_RESPONSE 50");

        // Acknowledged on Wednesday 10:00, before the 75% mark (Wednesday 10:52:30): that clock stops.
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, routed.next("ack", new ComplaintStatusChanged(
                "ADU-SWEP-SWEP-SWEP-SWEP", opd, ComplaintStatus.ROUTED, ComplaintStatus.ACKNOWLEDGED,
                ComplaintAction.ACKNOWLEDGE, "staff", null, null, null, null, null), fixed(at("2026-10-07T10:00"))));
        await().atMost(Duration.ofSeconds(15)).until(() -> Sql.count("select count(*) from sla.sla_clock"
                + " where complaint_id = ? and first_response_at is not null", complaintId) == 1);
        assertThat(Sql.value("select first_response_minutes from sla.sla_clock where complaint_id = ?", complaintId))
                .isEqualTo(6 * 60 + 450 + 150); // Monday 6 h, Tuesday 7.5 h, Wednesday 07:30-10:00

        // Resolution: 5 working days to Monday 12 October 09:00; 50% on Wednesday 13:45, 75% on Thursday 15:37:30.
        moveTo("2026-10-07T13:46");
        sweepNow();
        assertThat(thresholds(complaintId)).containsExactly("SlaWarning FIRST_RESPONSE 50",
                "SlaWarning RESOLUTION 50");
        moveTo("2026-10-08T15:38");
        sweepNow();
        assertThat(thresholds(complaintId)).endsWith("SlaWarning RESOLUTION 75").hasSize(3);

        // The deadline passes: the OPD's head is told, and the overdue list shows it.
        moveTo("2026-10-12T08:59");
        sweepNow();
        assertThat(thresholds(complaintId)).hasSize(3);
        moveTo("2026-10-12T09:01");
        sweepNow();
        assertThat(thresholds(complaintId)).endsWith("SlaBreached RESOLUTION OPD_HEAD").hasSize(4);
        given().auth().oauth2(TestTokens.token("gubernur", null, "governor")).queryParam("opd", opd)
                .get("/api/v1/sla/overdue").then().statusCode(200)
                .body("complaintId", hasItem(complaintId.toString()));

        // Still open 2 working days later, Wednesday 14 October 09:00: the governor's office.
        moveTo("2026-10-14T08:59");
        sweepNow();
        assertThat(thresholds(complaintId)).hasSize(4);
        moveTo("2026-10-14T09:01");
        sweepNow();
        assertThat(thresholds(complaintId)).endsWith("SlaEscalated RESOLUTION GOVERNOR").hasSize(5);
        SlaEscalated escalated = events(complaintId).get(4).payload(SlaEscalated.class).orElseThrow();
        assertThat(escalated.deadline()).isEqualTo(at("2026-10-12T09:00"));
        assertThat(escalated.opdCode()).isEqualTo(opd);

        // Later sweeps announce nothing again.
        moveTo("2026-10-30T09:00");
        sweepNow();
        sweepNow();
        assertThat(thresholds(complaintId)).hasSize(5);
    }

    @Test
    void aCrashBeforeMarkingRepublishesTheSameEventsAndAStoppedClockWarnsNoMore() {
        String opd = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID complaintId = UUID.randomUUID();
        moveTo("2026-10-05T08:00");
        EventEnvelope routed = EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null, new ComplaintRouted(
                new ComplaintSnapshot("ADU-SWEP-SWEP-SWEP-SWEQ", Category.HEALTH, "1771", "Antrean BPJS", null, null,
                        "api", ROUTED_AT.minusMinutes(1)),
                new RoutingDecision(opd, "Dinas " + opd, "r", "1", "uji", 1, null)), fixed(ROUTED_AT));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).until(() -> Sql.count(
                "select count(*) from sla.sla_mark where complaint_id = ?", complaintId) == 7);
        moveTo("2026-10-07T14:00");
        sweepNow();
        List<EventEnvelope> first = events(complaintId);
        assertThat(thresholds(complaintId)).containsExactly("SlaWarning FIRST_RESPONSE 50",
                "SlaWarning FIRST_RESPONSE 75", "SlaWarning RESOLUTION 50");

        // As if the service died after Kafka's acknowledgement and before marking: the same events go out again,
        // with the same ids, which every consumer drops.
        Sql.execute("update sla.sla_mark set announced_at = null where complaint_id = ? and mark like 'WARNING%'",
                complaintId);
        sweepNow();
        List<EventEnvelope> again = events(complaintId);
        assertThat(again).hasSize(6);
        assertThat(again.stream().map(EventEnvelope::eventId).distinct())
                .containsExactlyInAnyOrderElementsOf(first.stream().map(EventEnvelope::eventId).toList());

        // Resolved on Wednesday 15:00: no more thresholds of either clock.
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, routed.next("resolve", new ComplaintStatusChanged(
                "ADU-SWEP-SWEP-SWEP-SWEQ", opd, ComplaintStatus.ROUTED, ComplaintStatus.RESOLVED,
                ComplaintAction.RESOLVE, "staff", null, "Sudah", null, null, null), fixed(at("2026-10-07T15:00"))));
        await().atMost(Duration.ofSeconds(15)).until(() -> Sql.count("select count(*) from sla.sla_mark"
                + " where complaint_id = ? and announced_at is null", complaintId) == 0);
        moveTo("2026-10-20T09:00");
        sweepNow();
        assertThat(events(complaintId)).hasSize(6);
    }

    private void moveTo(String wibLocal) {
        ((ControllableClock) clock).set(at(wibLocal).toInstant());
    }

    /**
     * Sweeps, then waits until nothing due is left unannounced: the scheduled sweep may have taken the rows first,
     * and a row is marked only after Kafka acknowledged its event.
     */
    private void sweepNow() {
        sweep.sweep().await().atMost(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count("select count(*) from sla.sla_mark"
                + " where announced_at is null and due_at <= ?", OffsetDateTime.ofInstant(clock.instant(),
                WIB)) == 0);
    }

    private static List<EventEnvelope> events(UUID complaintId) {
        return KafkaTopics.current(Topics.SLA_EVENTS, r -> complaintId.toString().equals(r.key())).stream()
                .map(ConsumerRecord::value).map(EventJson::read)
                .filter(e -> !"SlaClockChanged".equals(e.type())).toList();
    }

    /** The thresholds announced for the complaint, one line each, without repeats of the same event. */
    private static List<String> thresholds(UUID complaintId) {
        return events(complaintId).stream().map(e -> {
            if (e.payload() instanceof SlaWarning w) {
                return "SlaWarning " + w.clock() + " " + w.percent();
            }
            if (e.payload() instanceof SlaBreached b) {
                return "SlaBreached " + b.clock() + " " + b.escalatedTo();
            }
            return e.payload() instanceof SlaEscalated x ? "SlaEscalated " + x.clock() + " " + x.escalatedTo()
                    : e.type();
        }).toList();
    }

    private static OffsetDateTime at(String wibLocal) {
        return OffsetDateTime.parse(wibLocal + ":00+07:00");
    }

    private static Clock fixed(OffsetDateTime at) {
        return Clock.fixed(at.toInstant(), WIB);
    }
}
