package id.aduan.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.aduan.events.Category;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Topics;
import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The status read model against the real broker and database: order, duplicates and poison. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class StatusFeedConsumerTest {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    @Test
    void routingAndStatusEventsShowOnTheStatusPageOnceEachAndInOrder() {
        String trackingNumber = given().contentType("application/json")
                .body("{\"category\":\"school\",\"description\":\"Guru SMA jarang masuk kelas\",\"region\":\"1702\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        UUID complaintId = (UUID) Sql.value("select complaint_id from intake.complaint_status where tracking_number = ?",
                trackingNumber);
        OffsetDateTime t0 = OffsetDateTime.now(WIB);
        ComplaintSnapshot snapshot = new ComplaintSnapshot(trackingNumber, Category.SCHOOL, "1702",
                "Guru SMA jarang masuk kelas", null, null, "api", t0);
        EventEnvelope routed = EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(snapshot, new RoutingDecision("DIKBUD-PROV",
                        "Dinas Pendidikan dan Kebudayaan Provinsi Bengkulu", "school-province", "2026.1", "SMA", 1,
                        null)), Clock.fixed(t0.plusMinutes(1).toInstant(), WIB));
        EventEnvelope acknowledged = routed.next("ack", new ComplaintStatusChanged(trackingNumber, "DIKBUD-PROV",
                ComplaintStatus.ROUTED, ComplaintStatus.ACKNOWLEDGED, ComplaintAction.ACKNOWLEDGE, "staff-1", null, null, null,
                null, null),
                Clock.fixed(t0.plusMinutes(5).toInstant(), WIB));

        // The topics deliver the newer status first, then the older routing, then the status again.
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, acknowledged);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, acknowledged);
        sendPoisonAndWaitForItsDeadLetter();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .get("/api/v1/complaints/" + trackingNumber).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("opdCode", equalTo("DIKBUD-PROV"))
                .body("opdName", equalTo("Dinas Pendidikan dan Kebudayaan Provinsi Bengkulu")));
        assertThat(Sql.count("select count(*) from intake.processed_event where event_id = ?",
                acknowledged.eventId())).isEqualTo(1);
        assertThat(Sql.count("select count(*) from intake.processed_event where event_id = ?", routed.eventId()))
                .isEqualTo(1);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheFeedGoesOn() {
        sendPoisonAndWaitForItsDeadLetter();

        String trackingNumber = TrackingNumbers.next();
        UUID complaintId = UUID.randomUUID();
        ComplaintSnapshot snapshot = new ComplaintSnapshot(trackingNumber, Category.ROAD, "1771", "Jalan rusak",
                null, null, "api", OffsetDateTime.now(WIB));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(snapshot, new RoutingDecision("DPUPR-PROV", "Dinas PUPR", "r", "1", "x", 1,
                        null)), Clock.systemUTC()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .get("/api/v1/complaints/" + trackingNumber).then().statusCode(200)
                .body("status", equalTo("ROUTED")));
    }

    @Test
    void aTransferToAMergedOpdsSuccessorShowsItsCodeNotTheOldName() {
        String trackingNumber = TrackingNumbers.next();
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now(WIB).withNano(0);
        ComplaintSnapshot snapshot = new ComplaintSnapshot(trackingNumber, Category.OTHER, "1771",
                "Bantuan sosial belum diterima", null, null, "api", t0);
        EventEnvelope routed = EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(snapshot, new RoutingDecision("DINSOS-KAB", "Dinas Sosial Kabupaten", "r", "1",
                        "x", 1, null, "DINSOS-PROV")), Clock.fixed(t0.plusMinutes(1).toInstant(), WIB));
        EventEnvelope transferred = routed.next("transfer", ComplaintStatusChanged.transfer(trackingNumber,
                "DINSOSNAKER-KAB", "Dinas Sosial dan Tenaga Kerja Kabupaten", "DINSOSNAKER-PROV",
                ComplaintStatus.ROUTED, "system", "DINSOS-KAB digabung ke DINSOSNAKER-KAB sejak 2027-01-04"),
                Clock.fixed(t0.plusMinutes(2).toInstant(), WIB));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .get("/api/v1/complaints/" + trackingNumber).then().statusCode(200)
                .body("opdName", equalTo("Dinas Sosial Kabupaten")));
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, transferred);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .get("/api/v1/complaints/" + trackingNumber).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("opdCode", equalTo("DINSOSNAKER-KAB"))
                .body("opdName", equalTo("Dinas Sosial dan Tenaga Kerja Kabupaten")));
        // The merged OPD's liaison no longer gets the reporter's contact; the successor's does.
        assertThat(Sql.value("select liaison_opd_code from intake.complaint_status where complaint_id = ?",
                complaintId)).isEqualTo("DINSOSNAKER-PROV");
    }

    private static void sendPoisonAndWaitForItsDeadLetter() {
        String poison = "{\"this is\": \"not an event\", \"id\": \"" + UUID.randomUUID() + "\"}";
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, "k", poison.getBytes(StandardCharsets.UTF_8));
        var dead = KafkaTopics.settled(Topics.deadLetter("complaint-intake"),
                r -> new String(r.value(), StandardCharsets.UTF_8).equals(poison), 1, Duration.ofSeconds(15));
        assertThat(dead).hasSize(1);
        assertThat(KafkaTopics.header(dead.get(0), "deserialization-failure-reason")).isNotBlank();
    }
}
