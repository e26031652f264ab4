package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class IdempotencyKeyTest {

    private static String body(String marker) {
        return """
                {"category":"health","description":"Puskesmas tutup terus %s","region":"1705",
                 "reporter":{"phone":"081234567890"}}""".formatted(marker);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameReceiptAndPublishesNothingNew() {
        String key = "retry-" + UUID.randomUUID();
        String marker = "idem" + UUID.randomUUID().toString().substring(0, 8);
        var first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker))
                .post("/api/v1/complaints").then().statusCode(202).extract();
        String trackingNumber = first.path("trackingNumber");
        String token = first.path("citizenToken");

        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker))
                    .post("/api/v1/complaints").then().statusCode(202)
                    .body("trackingNumber", equalTo(trackingNumber))
                    .body("citizenToken", equalTo(token));
        }

        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isEqualTo(1);
        // One event, however many retries: counted once the stack is quiet, so a straggler would be seen.
        assertThat(KafkaTopics.settled(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 1, Duration.ofSeconds(10)))
                .hasSize(1);
    }

    @Test
    void theSameKeyWithOtherContentIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        String marker = "idem" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker))
                .post("/api/v1/complaints").then().statusCode(202);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(marker + " lain"))
                .post("/api/v1/complaints").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:idempotency-key-reused"));
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryPostIsANewComplaint() {
        String marker = "nokey" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(body(marker)).post("/api/v1/complaints").then().statusCode(202);
        given().contentType(ContentType.JSON).body(body(marker)).post("/api/v1/complaints").then().statusCode(202);
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isEqualTo(2);
    }

    @Test
    void anAnonymousComplaintKeepsNoContactAtAll() {
        String marker = "anon" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body("""
                        {"category":"school","description":"Guru sering tidak masuk %s","region":"1702",
                         "anonymous":true,"reporter":{"name":"Budi","phone":"081299998888"}}""".formatted(marker))
                .post("/api/v1/complaints").then().statusCode(202);
        assertThat(Sql.count("select count(*) from intake.reporter_contact c join intake.complaint_status s "
                + "using (complaint_id) where s.description like ?", "%" + marker + "%")).isZero();
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ? and anonymous",
                "%" + marker + "%")).isEqualTo(1);
    }
}
