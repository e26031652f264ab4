package id.aduan.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class RulesResourceTest {

    @Test
    void theRuleSetInForceIsPublished() {
        given().get("/api/v1/routing/rules").then().statusCode(200)
                .body("version", equalTo("2026.2"))
                .body("triage", equalTo("TRIAGE"))
                .body("rules.id", hasItems("road-province", "school-province", "health-province"))
                .body("rules.find { it.id == 'school-basic' }.opd", equalTo("DISDIK-{region}"))
                .body("rules.find { it.id == 'school-basic' }.keywords", hasItems("sd", "smp"))
                .body("opds.find { it.code == 'BPJN-BENGKULU' }.level", equalTo("outside"))
                .body("opds.find { it.code == 'BPJN-BENGKULU' }.liaison", equalTo("DPUPR-PROV"));
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
