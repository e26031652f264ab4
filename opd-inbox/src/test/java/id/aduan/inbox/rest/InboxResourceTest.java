package id.aduan.inbox.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import id.aduan.events.Category;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.EventEnvelope;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class InboxResourceTest {

    @Test
    void keysetPagesWalkTheWholeInboxNewestFirstWithoutRepeats() {
        String opd = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID id = UUID.randomUUID();
            // Two complaints share each routing time, to exercise the id tie-break.
            OffsetDateTime at = base.plusSeconds(i / 2);
            KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), id, id, null,
                    new ComplaintRouted(new ComplaintSnapshot("ADU-PAGE-" + i + "AAA-AAAA-AAAA", Category.SCHOOL,
                            "1702", "Sekolah rusak nomor " + i, null, null, "api", at),
                            new RoutingDecision(opd, "Dinas P", "r", "1", "uji", 1, null)),
                    Clock.fixed(at.toInstant(), ZoneOffset.UTC)));
            expected.add(id.toString());
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .queryParam("limit", 200).get("/api/v1/inbox/complaints").then().body("items", hasSize(7)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = staff(opd).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/inbox/complaints").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
        JsonPath all = staff(opd).get("/api/v1/inbox/complaints").jsonPath();
        List<String> routedAt = all.getList("items.routedAt");
        assertThat(routedAt).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));
        assertThat(all.getString("items[0].routedAt")).endsWith("+07:00");
        staff(opd).queryParam("status", "RESOLVED").get("/api/v1/inbox/complaints").then()
                .body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void badParametersAreProblemDetailsNamingTheParameter() {
        staff("DINKES-PROV").queryParam("limit", 1000).get("/api/v1/inbox/complaints")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        staff("DINKES-PROV").queryParam("status", "FIXED").header("Accept-Language", "en")
                .get("/api/v1/inbox/complaints")
                .then().statusCode(400).body("errors.find { it.field == 'status' }.message", equalTo("Unknown status."));
        staff("DINKES-PROV").queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/inbox/complaints")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        staff("DINKES-PROV").queryParam("limit", "lots").get("/api/v1/inbox/complaints")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("gubernur", null, "governor")).queryParam("opd", "dinkes; drop")
                .get("/api/v1/inbox/complaints").then().statusCode(400).body("errors.field", hasItem("opd"));
    }

    @Test
    void staffCannotChooseAnotherOpd() {
        staff("DINKES-PROV").queryParam("opd", "DPUPR-PROV").get("/api/v1/inbox/complaints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'opd' }.message", startsWith("Filter OPD hanya untuk"));
    }

    @Test
    void unknownComplaintsAreNotFound() {
        staff("DINKES-PROV").get("/api/v1/inbox/complaints/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        staff("DINKES-PROV").get("/api/v1/inbox/complaints/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification staff(String opd) {
        return given().auth().oauth2(TestTokens.token("staf." + opd.toLowerCase(), opd, "opd-staff"));
    }
}
