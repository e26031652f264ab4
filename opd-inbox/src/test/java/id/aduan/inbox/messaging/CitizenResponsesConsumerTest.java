package id.aduan.inbox.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.aduan.events.CitizenResponded;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.inbox.InboxFixtures;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The citizen's answers go through the same state machine as staff actions, once each, and out as events. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class CitizenResponsesConsumerTest {

    private static final String OPD = "WARGA-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();

    @Test
    void theCitizensReplyResumesTheWorkAndTheirConfirmationClosesIt() {
        UUID id = InboxFixtures.freshComplaintOf(OPD);
        staff().body("{\"question\":\"Sejak kapan?\"}").post("/api/v1/inbox/complaints/" + id + "/request-info")
                .then().statusCode(200);

        EventEnvelope reply = answer(id, CitizenResponded.REPLY, "Sejak bulan lalu", null);
        KafkaTopics.send(Topics.COMPLAINTS_CITIZEN, reply);
        KafkaTopics.send(Topics.COMPLAINTS_CITIZEN, reply); // a redelivery changes nothing
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff().get("/api/v1/inbox/complaints/" + id)
                .then().body("status", equalTo("ACKNOWLEDGED"))
                .body("history.find { it.action == 'CITIZEN_REPLY' }.publicMessage", equalTo("Sejak bulan lalu"))
                .body("history.find { it.action == 'CITIZEN_REPLY' }.actor", equalTo("warga")));

        staff().body("{\"message\":\"Sudah diperbaiki\"}").post("/api/v1/inbox/complaints/" + id + "/resolve")
                .then().statusCode(200);
        KafkaTopics.send(Topics.COMPLAINTS_CITIZEN, answer(id, CitizenResponded.CONFIRM, "Terima kasih", 4));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff().get("/api/v1/inbox/complaints/" + id)
                .then().body("status", equalTo("CLOSED")));

        // Too late for a reply: dropped, nothing changes.
        KafkaTopics.send(Topics.COMPLAINTS_CITIZEN, answer(id, CitizenResponded.REPLY, "Satu lagi", null));
        List<ComplaintStatusChanged> events = KafkaTopics.settled(Topics.COMPLAINTS_STATUS,
                        r -> id.toString().equals(r.key()), 4, Duration.ofSeconds(15)).stream()
                .map(r -> EventJson.read(r.value()).payload(ComplaintStatusChanged.class).orElseThrow()).toList();
        assertThat(events).extracting(ComplaintStatusChanged::action).containsExactly(ComplaintAction.REQUEST_INFO,
                ComplaintAction.CITIZEN_REPLY, ComplaintAction.RESOLVE, ComplaintAction.CITIZEN_CONFIRM);
        assertThat(events.get(1).actor()).isEqualTo("citizen");
        assertThat(events.get(3).rating()).isEqualTo(4);
        assertThat(Sql.count("select count(*) from inbox.complaint_event where complaint_id = ?", id)).isEqualTo(4);
    }

    private static EventEnvelope answer(UUID id, String kind, String message, Integer rating) {
        return EventEnvelope.of(UUID.randomUUID(), id, id, null, new CitizenResponded("ADU-X", kind, message, rating),
                Clock.systemUTC());
    }

    private static RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.token("staf.warga", OPD, "opd-staff")).contentType("application/json");
    }
}
