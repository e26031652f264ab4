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
import id.aduan.testing.Sql;
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
    void filtersCombineAndEverySortOrderPagesThroughEverythingOnce() {
        String opd = "F-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // 12 complaints: alternating categories and regions, a day apart, some with deadlines in the past.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            Sql.execute("insert into inbox.complaint (id, tracking_number, category, region_code, description,"
                    + " address, channel, submitted_at, opd_code, opd_name, rule_id, rule_version, explanation, hop,"
                    + " status, routed_at, updated_at, deadline, sla_state) values (?, ?, ?, ?, ?, ?, 'api',"
                    + " now() - make_interval(days => ?), ?, 'Dinas', 'r', '1', 'uji', 1, ?,"
                    + " now() - make_interval(days => ?), now(), now() + make_interval(days => ?) + interval '12 hours', ?)",
                    id, "ADU-F" + String.format("%03d", i) + "-" + opd.substring(2, 6) + "-0000-0000",
                    i % 2 == 0 ? "road" : "school", i % 3 == 0 ? "1771" : "1702",
                    i == 7 ? "Jembatan gantung putus di desa Talang" : "Jalan berlubang nomor " + i,
                    i == 4 ? "Kelurahan Sawah Lebar" : null, 12 - i, opd, i < 3 ? "RESOLVED" : "ROUTED", 12 - i,
                    i - 5, i < 3 ? "STOPPED" : "RUNNING");
        }

        assertThat(ids(list(opd, "category", "school"))).hasSize(6);
        assertThat(ids(list(opd, "region", "1771", "category", "road"))).hasSize(2); // i = 0, 6
        assertThat(ids(list(opd, "status", "RESOLVED"))).containsExactlyInAnyOrder(ids.get(0), ids.get(1),
                ids.get(2));
        // Overdue: running and past the deadline (deadline = now + (i - 5) days + 12 h): i = 3, 4.
        assertThat(ids(list(opd, "overdue", "true"))).containsExactlyInAnyOrder(ids.get(3), ids.get(4));
        assertThat(ids(list(opd, "q", "jembatan talang"))).containsExactly(ids.get(7));
        assertThat(ids(list(opd, "q", "sawah"))).containsExactly(ids.get(4));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString();
        String twoDaysAgo = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).minusDays(2).toString();
        assertThat(ids(list(opd, "from", twoDaysAgo, "to", today))).containsExactlyInAnyOrder(ids.get(10),
                ids.get(11));

        assertThat(walk(opd, "newest")).containsExactlyElementsOf(reversed(ids));
        assertThat(walk(opd, "oldest")).containsExactlyElementsOf(ids);
        assertThat(walk(opd, "deadline")).containsExactlyElementsOf(ids);

        String cursor = staff(opd).queryParam("limit", 2).queryParam("sort", "oldest")
                .get("/api/v1/inbox/complaints").path("nextCursor");
        staff(opd).queryParam("cursor", cursor).queryParam("sort", "newest").get("/api/v1/inbox/complaints")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        staff(opd).queryParam("categori", "road").get("/api/v1/inbox/complaints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("categori"));
        staff(opd).queryParam("from", "2026-13-45").get("/api/v1/inbox/complaints")
                .then().statusCode(400).body("errors.field", hasItem("from"));
    }

    private static io.restassured.response.Response list(String opd, String... filters) {
        var request = staff(opd).queryParam("limit", 200);
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/api/v1/inbox/complaints").then().statusCode(200).extract().response();
    }

    private static List<String> ids(io.restassured.response.Response response) {
        return response.jsonPath().getList("items.id");
    }

    private static List<String> walk(String opd, String sort) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = staff(opd).queryParam("limit", 5).queryParam("sort", sort);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/inbox/complaints").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
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
    }

    @Test
    void malformedIdsAreBadRequestsInTheCallersLanguage() {
        staff("DINKES-PROV").get("/api/v1/inbox/complaints/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:malformed-id"))
                .body("detail", startsWith("'not-a-uuid' bukan id pengaduan"));
        staff("DINKES-PROV").header("Accept-Language", "en").get("/api/v1/inbox/complaints/1-2-3-4-5").then()
                .statusCode(400).body("detail", startsWith("'1-2-3-4-5' is not a complaint id"));
    }

    private static io.restassured.specification.RequestSpecification staff(String opd) {
        return given().auth().oauth2(TestTokens.token("staf." + opd.toLowerCase(), opd, "opd-staff"));
    }
}
