package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reporter's contact reaches only the staff of the OPD holding the complaint, and never for anonim ones. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class StaffContactResourceTest {

    private static final String OPD = "KONTAK-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();

    @Test
    void onlyTheHoldingOpdSeesTheContactAndNeverOfAnAnonymousComplaint() {
        String open = routedComplaint(false);
        String anonymous = routedComplaint(true);

        staff(OPD).get(path(open)).then().statusCode(200)
                .body("name", equalTo("Siti")).body("phone", equalTo("+6281234500001"));
        staff(OPD).get(path(anonymous)).then().statusCode(404).contentType("application/problem+json");
        staff("LAIN-" + OPD).get(path(open)).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("gubernur", null, "governor")).get(path(open)).then().statusCode(403);
        given().get(path(open)).then().statusCode(401);
        staff(OPD).get(path("ADU-0000-0000-0000-0000")).then().statusCode(404);
    }

    @Test
    void theLiaisonOfAnOfficeOutsideTheProvinceSeesTheContactToo() {
        String liaison = "LIAISON-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String tracking = routedComplaint(false, "DINKES-" + liaison, liaison);

        staff(liaison).get(path(tracking)).then().statusCode(200).body("name", equalTo("Siti"));
        staff("DINKES-" + liaison).get(path(tracking)).then().statusCode(200);
        staff("LAIN-" + liaison).get(path(tracking)).then().statusCode(404);
    }

    private static String routedComplaint(boolean anonymous) {
        return routedComplaint(anonymous, OPD, null);
    }

    private static String routedComplaint(boolean anonymous, String opd, String liaison) {
        String tracking = given().contentType("application/json").body("{\"category\":\"health\",\"region\":\"1771\","
                        + "\"description\":\"Kartu BPJS ditolak di klinik\",\"anonymous\":" + anonymous
                        + ",\"reporter\":{\"name\":\"Siti\",\"phone\":\"081234500001\"}}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        UUID id = (UUID) Sql.value("select complaint_id from intake.complaint_status where tracking_number = ?",
                tracking);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), id, id, null,
                new ComplaintRouted(new ComplaintSnapshot(tracking, Category.HEALTH, "1771", "Kartu BPJS ditolak",
                        null, null, "api", OffsetDateTime.now(), anonymous, false),
                        new RoutingDecision(opd, "Dinas", "r", "1", "uji", 1, null, liaison)),
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/v1/complaints/" + tracking)
                .then().body("opdCode", equalTo(opd)));
        return tracking;
    }

    private static String path(String tracking) {
        return "/api/v1/staff/complaints/" + tracking + "/contact";
    }

    private static io.restassured.specification.RequestSpecification staff(String opd) {
        return given().auth().oauth2(TestTokens.token("staf.kontak", opd, "opd-staff"));
    }
}
