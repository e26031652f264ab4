package id.aduan.intake.domain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The ambiguous publish, on a real broker: Kafka gets the event but not before the submission stops waiting. The
 * citizen hears 503; the complaint is kept, its event arrives anyway (the producer does not give up) and the relay
 * sends it again under the same id; the retry with the same key gets the same tracking number, and nothing is
 * doubled.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@TestProfile(SubmitComplaintTest.AcknowledgedTooLate.class)
class SubmitComplaintTest {

    /** The producer lingers 50 ms before it sends; the submission waits 1 ms: never acknowledged in time. */
    public static class AcknowledgedTooLate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "aduan.intake.publish-timeout", "PT0.001S",
                    "mp.messaging.outgoing.outbox.linger.ms", "50");
        }
    }

    private static String body(String marker) {
        return """
                {"category":"road","description":"Jalan amblas di dekat jembatan %s","region":"1702",
                 "reporter":{"name":"Rina","phone":"081234567891"}}""".formatted(marker);
    }

    @Test
    void aRetryAfterAnUnacknowledgedSubmissionGetsTheSameTrackingNumberAndOneEventId() {
        String marker = "ambigu" + UUID.randomUUID().toString().substring(0, 8);
        String key = "unknown-outcome-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker))
                .post("/api/v1/complaints").then().statusCode(503).header("Retry-After", "5");
        UUID complaint = reservation(marker);

        // The event reaches Kafka although nobody waited for it, and the relay (its hold over) sends it again.
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count("select count(*) from intake.outbox_event"
                + " where event_key = ? and sent_at is not null", complaint.toString()) == 1);
        Response retried = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker))
                .post("/api/v1/complaints");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.<String>path("trackingNumber")).isEqualTo(trackingNumber(complaint));

        // Copies on the topic, never a second complaint: every record is the one event id, derived from the
        // complaint's.
        List<ConsumerRecord<String, byte[]>> records = submitted(complaint);
        assertThat(records).isNotEmpty();
        assertThat(records).allSatisfy(r -> assertThat(EventJson.read(r.value()).eventId())
                .isEqualTo(SubmitComplaint.submittedEventId(complaint)));
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isOne();
        // Public once it is known to be on Kafka.
        given().get("/api/v1/complaints/" + trackingNumber(complaint)).then().statusCode(200);
    }

    @Test
    void aClientWithoutAKeyGetsOneWithThe503AndItsRetryIsTheSameComplaint() {
        String marker = "tanpakunci" + UUID.randomUUID().toString().substring(0, 8);
        Response first = given().contentType(ContentType.JSON).body(body(marker)).post("/api/v1/complaints");
        assertThat(first.statusCode()).isEqualTo(503);
        String key = first.header("Idempotency-Key");
        assertThat(key).isNotBlank();
        UUID complaint = reservation(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body(marker)).post("/api/v1/complaints").statusCode() == 202);
        assertThat(given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker))
                .post("/api/v1/complaints").<String>path("trackingNumber")).isEqualTo(trackingNumber(complaint));
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isOne();
        assertThat(submitted(complaint)).allSatisfy(r -> assertThat(EventJson.read(r.value()).eventId())
                .isEqualTo(SubmitComplaint.submittedEventId(complaint)));
    }

    @Test
    void aKeyWithOtherContentIsStillRefusedWhileItsComplaintIsUnconfirmed() {
        String marker = "lainisi" + UUID.randomUUID().toString().substring(0, 8);
        String key = "reused-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker))
                .post("/api/v1/complaints").then().statusCode(503);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker + " lain"))
                .post("/api/v1/complaints").then().statusCode(422);
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isOne();
    }

    private static UUID reservation(String marker) {
        return (UUID) Sql.value("select complaint_id from intake.complaint_status where description like ?",
                "%" + marker + "%");
    }

    private static String trackingNumber(UUID complaint) {
        return (String) Sql.value("select tracking_number from intake.complaint_status where complaint_id = ?",
                complaint);
    }

    private static List<ConsumerRecord<String, byte[]>> submitted(UUID complaint) {
        return KafkaTopics.current(Topics.COMPLAINTS_SUBMITTED, r -> complaint.toString().equals(r.key()));
    }
}
