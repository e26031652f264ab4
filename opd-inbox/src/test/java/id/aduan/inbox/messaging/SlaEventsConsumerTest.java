package id.aduan.inbox.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.aduan.events.EventEnvelope;
import id.aduan.events.SlaBreached;
import id.aduan.events.SlaClockChanged;
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
                deadline), Clock.fixed(t0.plusHours(3).toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then()
                .body("deadline.state", equalTo("PAUSED"))
                .body("deadline.breachedAt", notNullValue()));
        String shown = staff(opd).get("/api/v1/inbox/complaints/" + complaintId).path("deadline.deadline");
        assertThat(OffsetDateTime.parse(shown).toInstant()).isEqualTo(deadline.toInstant());
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
