package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.aduan.events.CitizenResponded;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The citizen's turns with the token from submission, and what their status page shows of the conversation. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class CitizenResourceTest {

    @Test
    void theCitizenAnswersConfirmsAndSeesThePublicConversation() {
        Response submitted = submit();
        String tracking = submitted.path("trackingNumber");
        String token = submitted.path("citizenToken");
        UUID id = complaintId(tracking);
        assertThat(token).hasSizeGreaterThanOrEqualTo(22);

        citizen(token).body("{\"message\":\"Di km 5\"}").post("/api/v1/complaints/" + tracking + "/replies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:citizen-not-now-reply"));

        status(id, tracking, ComplaintStatus.WAITING_FOR_CITIZEN, ComplaintAction.REQUEST_INFO,
                "Di kilometer berapa?", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/v1/complaints/" + tracking)
                .then().body("awaitingYourReply", equalTo(true))
                .body("messages.text", contains("Di kilometer berapa?")));

        given().header(CitizenResource.TOKEN_HEADER, "bukan-token-ini").contentType("application/json")
                .body("{\"message\":\"x\"}").post("/api/v1/complaints/" + tracking + "/replies")
                .then().statusCode(403);
        given().contentType("application/json").body("{\"message\":\"x\"}")
                .post("/api/v1/complaints/" + tracking + "/replies").then().statusCode(401);
        citizen(token).body("{\"message\":\"Kilometer 5, dekat jembatan\"}")
                .post("/api/v1/complaints/" + tracking + "/replies").then().statusCode(202);
        assertThat(published(id, CitizenResponded.REPLY).message()).isEqualTo("Kilometer 5, dekat jembatan");

        status(id, tracking, ComplaintStatus.RESOLVED, ComplaintAction.RESOLVE, "Sudah ditambal", 2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/v1/complaints/" + tracking)
                .then().body("canConfirm", equalTo(true)).body("reopenUntil", notNullValue()));
        citizen(token).body("{\"rating\":6}").post("/api/v1/complaints/" + tracking + "/confirmation")
                .then().statusCode(400).body("errors.field", hasItem("rating"));
        citizen(token).body("{\"rating\":5,\"comment\":\"Cepat, terima kasih\"}")
                .post("/api/v1/complaints/" + tracking + "/confirmation").then().statusCode(202);
        CitizenResponded confirmed = published(id, CitizenResponded.CONFIRM);
        assertThat(confirmed.rating()).isEqualTo(5);

        citizen(token).body("{\"reason\":\"Lubangnya muncul lagi\"}")
                .post("/api/v1/complaints/" + tracking + "/reopening").then().statusCode(202);
        assertThat(published(id, CitizenResponded.REOPEN).message()).isEqualTo("Lubangnya muncul lagi");

        given().get("/api/v1/complaints/" + tracking).then()
                .body("messages.author", contains("OPD", "OPD"))
                .body("messages.text", contains("Di kilometer berapa?", "Sudah ditambal"));
    }

    @Test
    void aResolutionOlderThanTenWorkingDaysCannotBeReopened() {
        Response submitted = submit();
        String tracking = submitted.path("trackingNumber");
        UUID id = complaintId(tracking);
        status(id, tracking, ComplaintStatus.RESOLVED, ComplaintAction.RESOLVE, "Selesai", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/v1/complaints/" + tracking)
                .then().body("canConfirm", equalTo(true)));
        Sql.execute("update intake.complaint_status set resolved_at = now() - interval '20 days'"
                + " where complaint_id = ?", id);

        given().get("/api/v1/complaints/" + tracking).then().body("reopenUntil", nullValue());
        citizen(submitted.path("citizenToken")).body("{\"reason\":\"Rusak lagi\"}")
                .post("/api/v1/complaints/" + tracking + "/reopening").then().statusCode(409)
                .body("type", equalTo("urn:aduan:problem:citizen-not-now-reopen"));
    }

    private static Response submit() {
        return given().contentType("application/json")
                .body("{\"category\":\"road\",\"description\":\"Jalan berlubang di km 5\",\"region\":\"1703\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().response();
    }

    private static UUID complaintId(String tracking) {
        return (UUID) Sql.value("select complaint_id from intake.complaint_status where tracking_number = ?",
                tracking);
    }

    /** What the inbox announces after an OPD action. */
    private static void status(UUID id, String tracking, ComplaintStatus status, ComplaintAction action,
            String message, int minutesLater) {
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, EventEnvelope.of(UUID.randomUUID(), id, id, null,
                new ComplaintStatusChanged(tracking, "DPUPR-PROV", null, status, action, "staff-1", null, message,
                        null, null, null),
                Clock.fixed(OffsetDateTime.now().plusMinutes(minutesLater).toInstant(), Clock.systemUTC().getZone())));
    }

    private static io.restassured.specification.RequestSpecification citizen(String token) {
        return given().header(CitizenResource.TOKEN_HEADER, token).contentType("application/json");
    }

    private static CitizenResponded published(UUID id, String kind) {
        var records = KafkaTopics.settled(Topics.COMPLAINTS_CITIZEN, r -> id.toString().equals(r.key())
                && new String(r.value()).contains("\"kind\":\"" + kind + "\""), 1, Duration.ofSeconds(15));
        assertThat(records).hasSize(1);
        return EventJson.read(records.get(0).value()).payload(CitizenResponded.class).orElseThrow();
    }
}
