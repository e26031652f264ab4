package id.aduan.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class SlaResourceTest {

    @Test
    void badParametersAreProblemDetails() {
        governor().queryParam("opd", "x y").get("/api/v1/sla/overdue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("opd"));
        governor().queryParam("limit", "0").get("/api/v1/sla/overdue").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        governor().queryParam("limit", "many").get("/api/v1/sla/overdue").then().statusCode(400);
    }

    @Test
    void callersNeedATokenAndARoleThatReadsClocks() {
        given().get("/api/v1/sla/overdue").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("gubernur", null, "governor")).get("/api/v1/sla/overdue")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.token("admin.aduan", null, "admin")).get("/api/v1/sla/overdue")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void staffSeeOnlyTheirOwnOpdWhateverTheyAskFor() {
        given().auth().oauth2(TestTokens.token("staf.a", "OPD-A", "opd-staff")).queryParam("opd", "OPD-B")
                .get("/api/v1/sla/overdue").then().statusCode(200)
                .body("opdCode", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("OPD-A")));
    }

    @Test
    void anUnknownClockIsNotFound() {
        governor().get("/api/v1/sla/clocks/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aMalformedIdIsABadRequest() {
        governor().get("/api/v1/sla/clocks/nomor-saya").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:aduan:problem:malformed-id"));
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

    private static io.restassured.specification.RequestSpecification governor() {
        return given().auth().oauth2(TestTokens.token("gubernur", null, "governor"));
    }
}
