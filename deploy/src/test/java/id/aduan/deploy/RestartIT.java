package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second up on the same data folder keeps everything the first one had, and goes on working. */
class RestartIT {

    @Test
    void aSecondUpKeepsTheDataOfTheFirst() {
        Stack first = TestStack.get();
        String before = submit(first, "school", "1702");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(first.url(Service.INTAKE))
                .get("/api/v1/complaints/" + before).then().body("status", equalTo("ROUTED")));

        Stack second = TestStack.restart();

        given().baseUri(second.url(Service.INTAKE)).get("/api/v1/complaints/" + before)
                .then().statusCode(200).body("status", equalTo("ROUTED")).body("opdCode", equalTo("DIKBUD-PROV"));
        // Keycloak kept its realm and users: the governor logs in again.
        String governor = Tokens.of(second, "gubernur");
        given().baseUri(second.url(Service.INBOX)).auth().oauth2(governor).queryParam("opd", "DIKBUD-PROV")
                .queryParam("limit", 200).get("/api/v1/inbox/complaints").then()
                .body("items.trackingNumber", hasItem(before));
        String after = submit(second, "school", "1703");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(second.url(Service.INBOX))
                .auth().oauth2(governor).queryParam("opd", "DIKBUD-PROV").queryParam("limit", 200)
                .get("/api/v1/inbox/complaints")
                .then().body("items.trackingNumber", hasItem(after)));
    }

    private static String submit(Stack stack, String category, String region) {
        return given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("category", category, "region", region, "description", "Uji mulai ulang: atap kelas bocor"))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
    }
}
