package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The OPD inbox with the real Keycloak: staff of Dinas Kesehatan log in (password grant), acknowledge and resolve
 * a complaint, and the citizen sees it on their status page and confirms it; staff of Dinas PUPR never see it.
 */
class InboxFlowIT {

    private final Stack stack = TestStack.get();

    @Test
    void aComplaintRejectedByOneOpdArrivesAtTheNextWithItsWholePath() {
        // The citizen chose health, but it is about the road to the puskesmas.
        String tracking = given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("category", "health", "region", "1771",
                        "description", "Jalan menuju puskesmas berlubang besar, ambulans susah lewat"))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        String dinkes = Tokens.of(stack, "staf.dinkes");
        String pupr = Tokens.of(stack, "staf.pupr");

        // Puskesmas: the city's Dinas Kesehatan, handled through its liaison, Dinas Kesehatan Provinsi.
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(dinkes).queryParam("q", tracking)
                .get("/api/v1/inbox/complaints").jsonPath().getString("items[0].id"), Objects::nonNull);
        inbox(dinkes).get("/api/v1/inbox/complaints/" + id).then().statusCode(200)
                .body("routing.opdCode", equalTo("DINKES-1771"))
                .body("routing.liaisonOpdCode", equalTo("DINKES-PROV"));

        inbox(dinkes).contentType(ContentType.JSON)
                .body("{\"reason\":\"Ini jalan, bukan layanan kesehatan\",\"suggestedOpd\":\"DPUPR-PROV\"}")
                .post("/api/v1/inbox/complaints/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));

        // It arrives at Dinas PUPR, second hop, with the whole path in its history.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> inbox(pupr).get("/api/v1/inbox/complaints/" + id)
                .then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("routing.opdCode", equalTo("DPUPR-PROV"))
                .body("routing.hop", equalTo(2))
                .body("routing.ruleId", equalTo("reroute-suggested"))
                .body("history.opdCode", hasItem("DINKES-1771"))
                .body("history.opdCode[-1]", equalTo("DPUPR-PROV")));
        inbox(dinkes).get("/api/v1/inbox/complaints/" + id).then().statusCode(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(Service.INTAKE))
                .get("/api/v1/complaints/" + tracking).then().statusCode(200)
                .body("opdCode", equalTo("DPUPR-PROV")));
    }

    @Test
    void staffActOnTheirOwnOpdsComplaintAndTheCitizenFollowsIt() {
        Response submitted = given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("category", "health", "region", "1771",
                        "description", "Kartu BPJS gratis saya ditolak di RSUD M. Yunus",
                        "reporter", Map.of("name", "Rina", "phone", "081298700001")))
                .post("/api/v1/complaints").then().statusCode(202).extract().response();
        String tracking = submitted.path("trackingNumber");
        String citizenToken = submitted.path("citizenToken");
        String dinkes = Tokens.of(stack, "staf.dinkes");
        String pupr = Tokens.of(stack, "staf.pupr");

        String id = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(dinkes).queryParam("q", tracking)
                .get("/api/v1/inbox/complaints").jsonPath().getString("items[0].id"), Objects::nonNull);

        // Another OPD sees nothing of it, whatever it tries.
        inbox(pupr).get("/api/v1/inbox/complaints/" + id).then().statusCode(404);
        inbox(pupr).queryParam("limit", 200).get("/api/v1/inbox/complaints").then()
                .body(not(containsString(tracking)));
        inbox(pupr).contentType(ContentType.JSON).body("{}").post("/api/v1/inbox/complaints/" + id + "/acknowledge")
                .then().statusCode(404);
        given().baseUri(stack.url(Service.INTAKE)).auth().oauth2(pupr)
                .get("/api/v1/staff/complaints/" + tracking + "/contact").then().statusCode(404);

        // Its own OPD acts: acknowledge, then resolve with words for the citizen.
        inbox(dinkes).contentType(ContentType.JSON).body("{\"message\":\"Laporan kami terima\"}")
                .post("/api/v1/inbox/complaints/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        inbox(dinkes).contentType(ContentType.JSON)
                .body("{\"message\":\"RSUD sudah menerima kartu Anda; silakan datang kembali\"}")
                .post("/api/v1/inbox/complaints/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        given().baseUri(stack.url(Service.INTAKE)).auth().oauth2(dinkes)
                .get("/api/v1/staff/complaints/" + tracking + "/contact").then().statusCode(200)
                .body("name", equalTo("Rina"));

        // The citizen's page shows it, with the OPD's words and no one's personal data.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(Service.INTAKE))
                .get("/api/v1/complaints/" + tracking).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("opdCode", equalTo("DINKES-PROV"))
                .body("messages.text", hasItem("RSUD sudah menerima kartu Anda; silakan datang kembali"))
                .body(not(containsString("Rina"))).body(not(containsString("staf.dinkes"))));

        // The citizen confirms with their token; the inbox closes it and the clock has stopped.
        given().baseUri(stack.url(Service.INTAKE)).header("X-Citizen-Token", citizenToken)
                .contentType(ContentType.JSON).body("{\"rating\":5}")
                .post("/api/v1/complaints/" + tracking + "/confirmation").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> inbox(dinkes)
                .get("/api/v1/inbox/complaints/" + id).then().body("status", equalTo("CLOSED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(Service.INTAKE))
                .get("/api/v1/complaints/" + tracking).then().body("status", equalTo("CLOSED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(Service.SLA))
                .auth().oauth2(dinkes).get("/api/v1/sla/clocks/" + id).then().body("state", equalTo("STOPPED")));
        assertThat(inbox(dinkes).get("/api/v1/inbox/complaints/" + id).jsonPath().getList("history.action"))
                .containsSubsequence("ACKNOWLEDGE", "RESOLVE", "CITIZEN_CONFIRM");
    }

    private io.restassured.specification.RequestSpecification inbox(String token) {
        return given().baseUri(stack.url(Service.INBOX)).auth().oauth2(token);
    }
}
