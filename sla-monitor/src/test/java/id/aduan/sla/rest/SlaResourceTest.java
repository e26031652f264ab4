package id.aduan.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class SlaResourceTest {

    @Test
    void badParametersAreProblemDetails() {
        given().queryParam("opd", "x y").get("/api/v1/sla/overdue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("opd"));
        given().queryParam("limit", "0").get("/api/v1/sla/overdue").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().queryParam("limit", "many").get("/api/v1/sla/overdue").then().statusCode(400);
    }

    @Test
    void anUnknownClockIsNotFound() {
        given().get("/api/v1/sla/clocks/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthCoversKafkaAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("PostgreSQL")))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Messaging")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem("Database reachable (liveness)"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Messaging")));
    }
}
