package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health (Kafka and database), metrics and OpenAPI, as operators and client developers use them. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class OperationsEndpointsTest {

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.find { it.name.contains('Messaging') }.data", hasKey("status-feed"))
                .body("checks.find { it.name.contains('Messaging') }.data", hasKey("outbox"));
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Messaging') }.data", hasKey("status-feed"))
                .body("checks.find { it.name.startsWith('Database') }.status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAndOpenApiAreServed() {
        given().get("/api/v1/complaints/ADU-0000-0000-0000-0000").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("kafka_producer"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/complaints"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
