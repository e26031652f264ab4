package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With no broker to acknowledge, the outcome is unknown, not failed: 503 with Retry-After, the complaint kept (not
 * public, not doubled), and every retry with the same key the same complaint.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@TestProfile(BrokerDownTest.NoBroker.class)
@WithTestResource(RealPostgres.class)
class BrokerDownTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.outbox.max.block.ms", "1000",
                    "mp.messaging.outgoing.outbox.delivery.timeout.ms", "2000",
                    "mp.messaging.outgoing.outbox.request.timeout.ms", "1000",
                    "aduan.intake.publish-timeout", "3s");
        }
    }

    @Test
    void theComplaintIsKeptUnconfirmedAndARetryWithTheSameKeyIsTheSameComplaint() {
        String marker = "tidak-terkirim-" + UUID.randomUUID();
        String body = "{\"category\":\"road\",\"description\":\"Jalan rusak " + marker + "\",\"region\":\"1771\","
                + "\"reporter\":{\"name\":\"Budi\",\"phone\":\"081298765432\"}}";
        String key = "broker-down-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/complaints")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:aduan:problem:broker-unavailable"))
                .body("detail", notNullValue());
        retryUntilUnknownAgain(key, body);
        // One reservation for both attempts, with its contact and its event still owed to Kafka.
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isOne();
        UUID complaint = (UUID) Sql.value("select complaint_id from intake.complaint_status where description like ?"
                + " and not confirmed", "%" + marker + "%");
        assertThat(Sql.count("select count(*) from intake.reporter_contact where complaint_id = ?", complaint))
                .isOne();
        assertThat(Sql.count("select count(*) from intake.outbox_event where event_key = ? and sent_at is null",
                complaint.toString())).isOne();
        assertThat(Sql.count("select count(*) from intake.idempotency_key where complaint_id = ?", complaint)).isOne();
        // Not promised, so not public.
        String trackingNumber = (String) Sql.value("select tracking_number from intake.complaint_status"
                + " where complaint_id = ?", complaint);
        given().get("/api/v1/complaints/" + trackingNumber).then().statusCode(404);
    }

    @Test
    void withoutAKeyTheAnswerGivesOneToRetryWith() {
        String marker = "tanpa-kunci-" + UUID.randomUUID();
        String body = "{\"category\":\"health\",\"description\":\"Kartu BPJS ditolak " + marker + "\","
                + "\"region\":\"1771\"}";
        Response first = given().contentType(ContentType.JSON).body(body).post("/api/v1/complaints");
        assertThat(first.statusCode()).isEqualTo(503);
        String key = first.header("Idempotency-Key");
        assertThat(key).isNotBlank();
        assertThat(Sql.count("select count(*) from intake.idempotency_key k join intake.complaint_status c"
                + " on c.complaint_id = k.complaint_id where k.idempotency_key = ? and c.description like ?",
                "api:" + key, "%" + marker + "%")).isOne();

        retryUntilUnknownAgain(key, body);
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isOne();
    }

    /**
     * A retry within the publish timeout may still be waiting for the first (409); after it, intake sends the kept
     * event again, and the outcome is unknown again (503).
     */
    private static void retryUntilUnknownAgain(String key, String body) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            int status = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .post("/api/v1/complaints").statusCode();
            assertThat(status).isIn(409, 503);
            return status == 503;
        });
    }

    @Test
    void readinessReportsKafkaDown() {
        given().get("/q/health/ready").then().statusCode(503);
    }
}
