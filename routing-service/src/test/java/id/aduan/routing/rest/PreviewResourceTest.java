package id.aduan.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class PreviewResourceTest {

    @Test
    void saysWhereAComplaintWouldGoAndWhy() {
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"school\",\"region\":\"1708\",\"description\":\"Guru SD jarang masuk\"}")
                .post("/api/v1/routing/preview").then().statusCode(200)
                .body("opdCode", equalTo("DISDIK-1708"))
                .body("ruleId", equalTo("school-basic"))
                .body("explanation", containsString("melalui Dinas Pendidikan dan Kebudayaan Provinsi Bengkulu"));
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"school\",\"region\":\"1708\",\"description\":\"Guru SMA jarang masuk\"}")
                .post("/api/v1/routing/preview").then().statusCode(200)
                .body("opdCode", equalTo("DIKBUD-PROV"));
    }

    @Test
    void anUnknownRegionGoesToTriageAndBadInputIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"category\":\"road\",\"region\":\"9999\"}")
                .post("/api/v1/routing/preview").then().statusCode(200).body("opdCode", equalTo("TRIAGE"));
        given().contentType(ContentType.JSON).body("{\"category\":\"road\"}")
                .post("/api/v1/routing/preview").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{nope").post("/api/v1/routing/preview").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
