package id.aduan.routing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.OpdMerged;
import id.aduan.events.Topics;
import id.aduan.events.Wib;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin API on a real database and broker, in a schema of its own (its mergers change the directory for good):
 * who may call it, every change audited, refusals as problem details, and a merger that routing follows at once and
 * announces on Kafka.
 */
@QuarkusTest
@TestProfile(DirectoryAdminResourceTest.OwnSchema.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class DirectoryAdminResourceTest {

    public static class OwnSchema implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.schemas", "routing_admin_test",
                    "quarkus.flyway.default-schema", "routing_admin_test",
                    "quarkus.hibernate-orm.database.default-schema", "routing_admin_test");
        }
    }

    private static final String ADMIN = "admin.test";

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token(ADMIN, null, "admin")).contentType(ContentType.JSON);
    }

    private static LocalDate today() {
        return Wib.now(Clock.systemUTC()).toLocalDate();
    }

    @Test
    void onlyAdminsMayReadOrChangeTheDirectory() {
        given().get("/api/v1/admin/opds").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("staf.x", "DINKES-PROV", "opd-staff")).get("/api/v1/admin/opds")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("gubernur.x", null, "governor")).contentType(ContentType.JSON)
                .body("{\"code\":\"X-1\",\"name\":\"X\"}").post("/api/v1/admin/opds").then().statusCode(403);
        admin().get("/api/v1/admin/opds").then().statusCode(200)
                .body("code", hasItem("DINKES-PROV"))
                .body("find { it.code == 'DINKES-1708' }.liaison", equalTo("DINKES-PROV"));
    }

    @Test
    void createAndRenameAreAuditedWithWhoWhenBeforeAndAfter() {
        admin().body("{\"code\":\"UPTD-JALAN-UTARA\",\"name\":\"UPTD Jalan Wilayah Utara\"}")
                .post("/api/v1/admin/opds").then().statusCode(201)
                .header("Location", containsString("/api/v1/admin/opds/UPTD-JALAN-UTARA"))
                .body("level", equalTo("province")).body("active", equalTo(true));
        admin().body("{\"name\":\"UPTD Pengelolaan Jalan Wilayah Utara\"}")
                .patch("/api/v1/admin/opds/UPTD-JALAN-UTARA").then().statusCode(200)
                .body("name", equalTo("UPTD Pengelolaan Jalan Wilayah Utara"));

        admin().get("/api/v1/admin/opds/audit?opd=UPTD-JALAN-UTARA").then().statusCode(200)
                .body("action", contains("RENAME", "CREATE"))
                .body("actor", contains(TestTokens.subjectOf(ADMIN), TestTokens.subjectOf(ADMIN)))
                .body("actorName", contains(ADMIN, ADMIN))
                .body("[0].before", containsString("\"name\":\"UPTD Jalan Wilayah Utara\""))
                .body("[0].after", containsString("\"name\":\"UPTD Pengelolaan Jalan Wilayah Utara\""))
                .body("[1].before", nullValue())
                .body("changeId", contains(nullValue(), nullValue()))
                .body("[0].at", containsString("+07:00"));

        // The same code again, bad input, an unknown OPD: problem details, nothing stored.
        admin().body("{\"code\":\"UPTD-JALAN-UTARA\",\"name\":\"Lagi\"}").post("/api/v1/admin/opds")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Kode OPD sudah ada"));
        admin().header("Accept-Language", "en").body("{\"code\":\"bukan kode\",\"level\":\"desa\"}")
                .post("/api/v1/admin/opds").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("code")))
                .body("errors.field", hasItem(containsString("name")))
                .body("errors.field", hasItem(containsString("level")));
        admin().body("{\"name\":\"X\"}").patch("/api/v1/admin/opds/TIDAK-ADA").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("TIDAK-ADA"));
        admin().body("{\"code\":\"DI-MASA-LALU\",\"name\":\"X\",\"activeFrom\":\"2020-01-01\"}")
                .post("/api/v1/admin/opds").then().statusCode(400).body("title", equalTo("Tanggal sudah lewat"));
        admin().body("{nope").post("/api/v1/admin/opds").then().statusCode(400)
                .contentType("application/problem+json");
        admin().get("/api/v1/admin/opds/DI-MASA-LALU").then().statusCode(404);
    }

    @Test
    void aMergerTodayRoutesToTheSuccessorAtOnceAndIsAnnouncedOnKafka() {
        String body = "{\"category\":\"other\",\"region\":\"1705\",\"description\":\"PKH kami dipotong\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/routing/preview").then()
                .body("opdCode", equalTo("DINSOS-PROV"));

        String id = admin().body("{\"from\":[\"DINSOS-PROV\",\"DISNAKERTRANS-PROV\"],\"into\":\"DINSOSNAKER-PROV\","
                        + "\"intoName\":\"Dinas Sosial, Tenaga Kerja dan Transmigrasi Provinsi Bengkulu\",\"on\":\""
                        + today() + "\"}")
                .post("/api/v1/admin/opds/merge").then().statusCode(200)
                .body("from", contains("DINSOS-PROV", "DISNAKERTRANS-PROV"))
                .body("into", equalTo("DINSOSNAKER-PROV"))
                .body("announced", equalTo(true))
                .extract().path("id");

        given().contentType(ContentType.JSON).body(body).post("/api/v1/routing/preview").then()
                .body("opdCode", equalTo("DINSOSNAKER-PROV"))
                .body("explanation", containsString("kini dijalankan oleh Dinas Sosial, Tenaga Kerja"));
        admin().get("/api/v1/admin/opds/DINSOS-PROV").then()
                .body("active", equalTo(false)).body("successor", equalTo("DINSOSNAKER-PROV"))
                .body("activeUntil", equalTo(today().toString())).body("handledBy", equalTo("DINSOSNAKER-PROV"));
        admin().get("/api/v1/admin/opds/audit?limit=3").then()
                .body("action", containsInAnyOrder("MERGE", "MERGE", "CREATE"))
                .body("changeId", contains(id, id, id));

        List<OpdMerged> announced = KafkaTopics.settled(Topics.OPD_DIRECTORY,
                        r -> r.key().equals(id), 1, Duration.ofSeconds(20)).stream()
                .map(r -> EventJson.read(r.value())).map(e -> e.payload(OpdMerged.class).orElseThrow()).toList();
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).fromOpdCodes()).containsExactly("DINSOS-PROV", "DISNAKERTRANS-PROV");
        assertThat(announced.get(0).intoOpdCode()).isEqualTo("DINSOSNAKER-PROV");
        assertThat(announced.get(0).effectiveOn()).isEqualTo(today());
        assertThat(announced.get(0).actor()).isEqualTo(TestTokens.subjectOf(ADMIN));

        // Merged OPDs cannot be merged again.
        admin().body("{\"from\":[\"DINSOS-PROV\"],\"into\":\"DINKES-PROV\",\"on\":\"" + today() + "\"}")
                .post("/api/v1/admin/opds/merge").then().statusCode(409).body("title", equalTo("OPD tidak aktif"));
    }

    @Test
    void aMergerOnALaterDayChangesNothingBeforeItsDay() {
        LocalDate later = today().plusDays(30);
        admin().body("{\"from\":[\"DISHUB-PROV\"],\"into\":\"DISHUB-BARU\",\"intoName\":\"Dinas Perhubungan Baru\","
                        + "\"on\":\"" + later + "\"}")
                .post("/api/v1/admin/opds/merge").then().statusCode(200).body("announced", equalTo(false));
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"other\",\"region\":\"1771\",\"description\":\"angkot ngetem sembarangan\"}")
                .post("/api/v1/routing/preview").then().body("opdCode", equalTo("DISHUB-PROV"));
        admin().get("/api/v1/admin/opds/DISHUB-BARU").then()
                .body("active", equalTo(false)).body("activeFrom", equalTo(later.toString()));
    }

    @Test
    void aChangeThatWouldStrandARuleIsRefusedWithItsReasonAndNothingIsStored() {
        admin().body("{\"on\":\"" + today() + "\"}").post("/api/v1/admin/opds/DLHK-PROV/retire").then()
                .statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Perubahan direktori ditolak"))
                .body("errors.message", hasItem(containsString("rule other-environment: OPD DLHK-PROV stops on")));
        admin().get("/api/v1/admin/opds/DLHK-PROV").then().body("active", equalTo(true));
        admin().get("/api/v1/admin/opds/audit?opd=DLHK-PROV").then().body("action", contains("SEED"))
                .body("[0].actor", equalTo("seed:2026.2"))
                .body("[0].after", containsString("\"code\":\"DLHK-PROV\""));

        // No rule names it: retired, its complaints to triage.
        admin().body("{\"code\":\"UPTD-SEMENTARA\",\"name\":\"UPTD Sementara\"}").post("/api/v1/admin/opds")
                .then().statusCode(201);
        admin().body("{\"on\":\"" + today() + "\"}").post("/api/v1/admin/opds/UPTD-SEMENTARA/retire").then()
                .statusCode(200).body("into", equalTo("TRIAGE"));

        admin().body("{\"on\":\"2020-01-01\"}").post("/api/v1/admin/opds/DLHK-PROV/retire").then().statusCode(400);
        admin().body("{\"on\":\"" + today() + "\"}").post("/api/v1/admin/opds/TRIAGE/retire").then().statusCode(409);
        admin().body("{\"from\":[\"BPBD-PROV\"],\"into\":\"BPBD-PROV\",\"on\":\"" + today() + "\"}")
                .post("/api/v1/admin/opds/merge").then().statusCode(400);
        admin().body("{\"from\":[\"BPBD-PROV\"],\"into\":\"BPBD-BARU\",\"on\":\"" + today() + "\"}")
                .post("/api/v1/admin/opds/merge").then().statusCode(400)
                .body("title", equalTo("Nama OPD baru diperlukan"));
        admin().body("{\"from\":[],\"into\":\"X-1\",\"on\":\"" + today() + "\"}")
                .post("/api/v1/admin/opds/merge").then().statusCode(400);
        admin().get("/api/v1/admin/opds/BPBD-PROV").then().body("active", equalTo(true));
    }
}
