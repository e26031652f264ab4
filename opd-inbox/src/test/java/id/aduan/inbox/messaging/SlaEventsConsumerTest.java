package id.aduan.inbox.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.aduan.events.EventEnvelope;
import id.aduan.events.SlaBreached;
import id.aduan.events.SlaClockChanged;
import id.aduan.events.SlaEscalated;
import id.aduan.events.SlaWarning;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deadline clocks of sla-monitor shown in the inbox, whichever of clock and complaint arrives first. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class SlaEventsConsumerTest {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    @Test
    void aClockAnnouncedBeforeItsComplaintStillShowsAndOnlyNewerNewsReplacesIt() {
        String opd = "SLA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now(WIB).withNano(0);
        OffsetDateTime deadline = t0.plusDays(5);
        EventEnvelope routed = RoutedComplaintConsumerTest.routed(complaintId, opd, 1, t0);

        KafkaTopics.send(Topics.SLA_EVENTS, clock(routed, "started", "RUNNING", deadline, t0));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then().statusCode(200)
                .body("deadline.state", equalTo("RUNNING")).body("deadline.overdue", equalTo(false)));

        KafkaTopics.send(Topics.SLA_EVENTS, clock(routed, "paused", "PAUSED", deadline, t0.plusHours(2)));
        KafkaTopics.send(Topics.SLA_EVENTS, clock(routed, "late copy", "RUNNING", deadline, t0.plusHours(1)));
        KafkaTopics.send(Topics.SLA_EVENTS, routed.next("breach", new SlaBreached(null, opd, "RESOLUTION",
                deadline, SlaBreached.OPD_HEAD), Clock.fixed(t0.plusHours(3).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then()
                .body("deadline.state", equalTo("PAUSED"))
                .body("deadline.breachedAt", notNullValue()));
        String shown = staff(opd).get("/api/v1/inbox/complaints/" + complaintId).path("deadline.deadline");
        assertThat(OffsetDateTime.parse(shown).toInstant()).isEqualTo(deadline.toInstant());
    }

    @Test
    void warningsBreachesAndEscalationsShowAsTheLatestFlagAndAFirstResponseBreachLeavesTheDeadlineAlone() {
        String opd = "SLA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now(WIB).withNano(0);
        OffsetDateTime deadline = t0.plusDays(5);
        EventEnvelope routed = RoutedComplaintConsumerTest.routed(complaintId, opd, 1, t0);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        KafkaTopics.send(Topics.SLA_EVENTS, clock(routed, "started", "RUNNING", deadline, t0));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then().statusCode(200)
                .body("deadline.state", equalTo("RUNNING")));

        KafkaTopics.send(Topics.SLA_EVENTS, routed.next("fr50", new SlaWarning(null, opd, "FIRST_RESPONSE", 50,
                t0.plusDays(3)), Clock.fixed(t0.plusHours(1).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then().body("deadline.flag",
                        equalTo("FIRST_RESPONSE_50")));

        KafkaTopics.send(Topics.SLA_EVENTS, routed.next("fr-breach", new SlaBreached(null, opd, "FIRST_RESPONSE",
                t0.plusDays(3), SlaBreached.OPD_HEAD), Clock.fixed(t0.plusHours(2).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then()
                .body("deadline.flag", equalTo("FIRST_RESPONSE_BREACHED"))
                .body("deadline.breachedAt", nullValue()));

        // An older warning read late does not hide the newer flag; the governor's escalation does.
        KafkaTopics.send(Topics.SLA_EVENTS, routed.next("fr50-late", new SlaWarning(null, opd, "RESOLUTION", 50,
                deadline), Clock.fixed(t0.plusMinutes(90).toInstant(), WIB)));
        KafkaTopics.send(Topics.SLA_EVENTS, routed.next("gov", new SlaEscalated(null, opd, "RESOLUTION",
                SlaEscalated.GOVERNOR, deadline, 2), Clock.fixed(t0.plusHours(3).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then()
                .body("deadline.flag", equalTo("ESCALATED_GOVERNOR")));
    }

    private static EventEnvelope clock(EventEnvelope cause, String step, String state, OffsetDateTime deadline,
            OffsetDateTime at) {
        return cause.next(step, new SlaClockChanged(null, null, "RESOLUTION", state, deadline, cause.occurredAt()),
                Clock.fixed(at.toInstant(), WIB));
    }

    private static io.restassured.specification.RequestSpecification staff(String opd) {
        return given().auth().oauth2(TestTokens.token("staf.sla", opd, "opd-staff"));
    }
}
