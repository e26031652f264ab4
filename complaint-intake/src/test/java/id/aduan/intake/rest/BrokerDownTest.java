package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With no broker to acknowledge, intake promises nothing: 503, Retry-After, and nothing kept. */
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
                    "mp.messaging.outgoing.complaints-submitted.max.block.ms", "1000",
                    "mp.messaging.outgoing.complaints-submitted.delivery.timeout.ms", "2000",
                    "mp.messaging.outgoing.complaints-submitted.request.timeout.ms", "1000",
                    "aduan.intake.publish-timeout", "3s");
        }
    }

    @Test
    void submissionIsRefusedWith503AndRetryAfterAndNothingIsKept() {
        String marker = "tidak-terkirim-" + UUID.randomUUID();
        long statusRows = Sql.count("select count(*) from intake.complaint_status");
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"road\",\"description\":\"Jalan rusak " + marker + "\",\"region\":\"1771\","
                        + "\"reporter\":{\"name\":\"Budi\",\"phone\":\"081298765432\"}}")
                .post("/api/v1/complaints")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:aduan:problem:broker-unavailable"))
                .body("detail", notNullValue());

        assertThat(Sql.count("select count(*) from intake.complaint_status")).isEqualTo(statusRows);
        assertThat(Sql.count("select count(*) from intake.reporter_contact where phone = '+6281298765432'"))
                .isZero();
    }

    @Test
    void readinessReportsKafkaDown() {
        given().get("/q/health/ready").then().statusCode(503);
    }
}
