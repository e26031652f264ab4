package id.aduan.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import id.aduan.testing.RealKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealKafka.class)
class RulesResourceTest {

    @Test
    void theRuleSetInForceIsPublished() {
        given().get("/api/v1/routing/rules").then().statusCode(200)
                .body("version", equalTo("2026.1"))
                .body("triage", equalTo("TRIAGE"))
                .body("rules.id", hasItems("road-province", "school-province", "health-province"));
    }

    @Test
    void healthCoversKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name.contains('Messaging') }.data.'complaints-routed'", equalTo("[OK]"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void unknownPathsAnswerWithProblemDetails() {
        given().get("/api/v1/routing/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
