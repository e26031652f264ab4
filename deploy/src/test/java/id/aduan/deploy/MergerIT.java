package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * An OPD merger on the running system, with the real Keycloak: the admin merges Dinas PMPTSP into a new OPD today;
 * its open complaint moves there with a TRANSFER in its history, the citizen's page names the new OPD, a new
 * complaint is routed there directly, and the audit trail names the admin.
 */
class MergerIT {

    private final Stack stack = TestStack.get();

    @Test
    void aMergerMovesOpenComplaintsAndRoutesNewOnesToTheSuccessor() {
        String governor = Tokens.of(stack, "gubernur");
        String before = submit("izin usaha saya tidak diproses 3 bulan");
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(governor).queryParam("q", before)
                .get("/api/v1/inbox/complaints").jsonPath().getString("items[0].id"), Objects::nonNull);
        inbox(governor).get("/api/v1/inbox/complaints/" + id).then().body("routing.opdCode", equalTo("DPMPTSP-PROV"));

        String admin = Tokens.of(stack, "admin.aduan");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        given().baseUri(stack.url(Service.ROUTING)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("from", new String[] {"DPMPTSP-PROV"}, "into", "DPMPTSP-SATU",
                        "intoName", "Dinas Perizinan Satu Pintu Provinsi Bengkulu", "on", today.toString()))
                .post("/api/v1/admin/opds/merge").then().statusCode(200).body("announced", equalTo(true));

        // The open complaint moves, with an event of its own in its history.
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> inbox(governor).queryParam("q", before)
                .get("/api/v1/inbox/complaints").then().body("items[0].opdCode", equalTo("DPMPTSP-SATU")));
        inbox(governor).get("/api/v1/inbox/complaints/" + id).then().statusCode(200)
                .body("history.action", hasItem("TRANSFER"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(Service.INTAKE))
                .get("/api/v1/complaints/" + before).then().body("opdCode", equalTo("DPMPTSP-SATU"))
                .body("opdName", equalTo("Dinas Perizinan Satu Pintu Provinsi Bengkulu")));

        // A new complaint goes to the successor, and says why.
        String after = submit("izin usaha saya belum keluar");
        String newId = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(governor).queryParam("q", after)
                .get("/api/v1/inbox/complaints").jsonPath().getString("items[0].id"), Objects::nonNull);
        inbox(governor).get("/api/v1/inbox/complaints/" + newId).then()
                .body("routing.opdCode", equalTo("DPMPTSP-SATU"))
                .body("routing.explanation", org.hamcrest.Matchers.containsString("kini dijalankan oleh"));

        given().baseUri(stack.url(Service.ROUTING)).auth().oauth2(admin)
                .get("/api/v1/admin/opds/audit?opd=DPMPTSP-PROV").then().statusCode(200)
                .body("[0].action", equalTo("MERGE")).body("[0].actorName", equalTo("admin.aduan"));
        // Staff cannot change the directory.
        given().baseUri(stack.url(Service.ROUTING)).auth().oauth2(Tokens.of(stack, "staf.dinkes"))
                .get("/api/v1/admin/opds").then().statusCode(403);
    }

    private String submit(String text) {
        return given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("category", "other", "region", "1702", "description", text))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
    }

    private RequestSpecification inbox(String token) {
        return given().baseUri(stack.url(Service.INBOX)).auth().oauth2(token);
    }
}
