package id.aduan.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
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
        // Two OPDs' clocks past their deadline: the list is not empty, so the scoping has something to leave out.
        String a = "A-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String b = "B-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID ofA = overdueClock(a);
        UUID ofB = overdueClock(b);
        governor().queryParam("opd", b).get("/api/v1/sla/overdue").then().statusCode(200)
                .body("complaintId", hasItem(ofB.toString()));

        given().auth().oauth2(TestTokens.token("staf.a", a, "opd-staff")).queryParam("opd", b)
                .get("/api/v1/sla/overdue").then().statusCode(200)
                .body("complaintId", hasItem(ofA.toString()))
                .body("complaintId", not(hasItem(ofB.toString())))
                .body("opdCode", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(a)));
    }

    /** An open clock of the OPD whose deadline passed a day ago, as sla-monitor keeps it. */
    private static UUID overdueClock(String opd) {
        UUID id = UUID.randomUUID();
        OffsetDateTime started = OffsetDateTime.now().minusDays(8);
        Sql.execute("insert into sla.sla_clock (complaint_id, tracking_number, opd_code, opd_name, category,"
                        + " region_code, started_at, deadline, status, status_at, resolution_minutes)"
                        + " values (?, 'ADU-SCOP-SCOP-SCOP-SCOP', ?, ?, 'health', '1771', ?, ?, 'ROUTED', ?, 2250)",
                id, opd, "Dinas " + opd, started, OffsetDateTime.now().minusDays(1), started);
        return id;
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
