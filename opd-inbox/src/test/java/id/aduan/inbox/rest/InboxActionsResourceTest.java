package id.aduan.inbox.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.inbox.InboxFixtures;
import id.aduan.support.problem.Problem;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Staff actions through the state machine, each an event through the outbox, on the real broker and database. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class InboxActionsResourceTest {

    private static final String OPD = "ACT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String STAFF_SUBJECT = TestTokens.subjectOf("staf.act");

    @Test
    void aComplaintGoesFromRoutedToResolvedAndEveryActionIsOnePublishedEvent() {
        UUID id = InboxFixtures.freshComplaintOf(OPD);

        act(id, "acknowledge", "{\"message\":\"Laporan diterima\"}").then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("ACKNOWLEDGED")).body("version", equalTo(1));
        act(id, "notes", "{\"text\":\"Tim survei berangkat Senin\"}").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        act(id, "request-info", "{\"question\":\"Di depan rumah nomor berapa?\"}").then().statusCode(200)
                .body("status", equalTo("WAITING_FOR_CITIZEN"));
        act(id, "respond", "{\"message\":\"Terima kasih\"}").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:invalid-transition"));
        act(id, "resolve", "{\"message\":\"Lubang sudah ditambal\"}").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedAt", org.hamcrest.Matchers.notNullValue())
                .body("history.action", contains("ACKNOWLEDGE", "NOTE", "REQUEST_INFO", "RESOLVE"))
                .body("history.find { it.action == 'NOTE' }.internalNote", equalTo("Tim survei berangkat Senin"))
                .body("history.find { it.action == 'NOTE' }.publicMessage", nullValue())
                .body("history.find { it.action == 'RESOLVE' }.publicMessage", equalTo("Lubang sudah ditambal"))
                .body("history.find { it.action == 'RESOLVE' }.actor", equalTo("staf.act"));
        act(id, "acknowledge", "{}").then().statusCode(409);

        List<ComplaintStatusChanged> events = publishedFor(id, 4);
        assertThat(events).extracting(ComplaintStatusChanged::action).containsExactly(ComplaintAction.ACKNOWLEDGE,
                ComplaintAction.NOTE, ComplaintAction.REQUEST_INFO, ComplaintAction.RESOLVE);
        assertThat(events).extracting(ComplaintStatusChanged::status).containsExactly(ComplaintStatus.ACKNOWLEDGED,
                ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.WAITING_FOR_CITIZEN, ComplaintStatus.RESOLVED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(STAFF_SUBJECT);
            assertThat(e.opdCode()).isEqualTo(OPD);
        });
        // The note's words never leave the inbox; the public words do.
        assertThat(events.get(1).publicMessage()).isNull();
        assertThat(events.get(1).reason()).isNull();
        assertThat(events.get(2).publicMessage()).isEqualTo("Di depan rumah nomor berapa?");
        assertThat(Sql.count("select count(*) from inbox.outbox_event where sent_at is null and event_key = ?",
                id.toString())).isZero();
    }

    @Test
    void aRejectionCarriesItsReasonAndSuggestion() {
        UUID id = InboxFixtures.freshComplaintOf(OPD);

        act(id, "reject", "{\"reason\":\"Jalan nasional, kewenangan BPJN\",\"suggestedOpd\":\"BPJN-BKL\"}")
                .then().statusCode(200).body("status", equalTo("REJECTED"));

        ComplaintStatusChanged rejected = publishedFor(id, 1).get(0);
        assertThat(rejected.action()).isEqualTo(ComplaintAction.REJECT);
        assertThat(rejected.reason()).isEqualTo("Jalan nasional, kewenangan BPJN");
        assertThat(rejected.suggestedOpdCode()).isEqualTo("BPJN-BKL");
        assertThat(rejected.previousStatus()).isEqualTo(ComplaintStatus.ROUTED);
        // Routing sends it on from the event alone: the complaint, its hop and the OPDs that held it travel along.
        assertThat(rejected.complaint()).isNotNull();
        assertThat(rejected.complaint().trackingNumber()).isEqualTo(rejected.trackingNumber());
        assertThat(rejected.complaint().description()).isNotBlank();
        assertThat(rejected.hop()).isEqualTo(1);
        assertThat(rejected.triedOpdCodes()).containsExactly(OPD);
    }

    @Test
    void twoStaffActingAtOnceCannotBothWin() throws Exception {
        UUID id = InboxFixtures.freshComplaintOf(OPD);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> both = List.of(
                CompletableFuture.supplyAsync(() -> afterBarrier(start, () -> act(id, "acknowledge", "{}"))),
                CompletableFuture.supplyAsync(() -> afterBarrier(start, () -> act(id, "acknowledge", "{}"))));

        List<Integer> statuses = both.stream().map(CompletableFuture::join).sorted().toList();

        assertThat(statuses).containsExactly(200, 409);
        assertThat(Sql.count("select count(*) from inbox.outbox_event where event_key = ?", id.toString()))
                .isEqualTo(1);
        assertThat(Sql.count("select count(*) from inbox.complaint_event where complaint_id = ? and action = ?",
                id, "ACKNOWLEDGE")).isEqualTo(1);
    }

    @Test
    void ifMatchWithAnOlderVersionIsRefusedAndChangesNothing() {
        UUID id = InboxFixtures.freshComplaintOf(OPD);
        act(id, "notes", "{\"text\":\"satu\"}").then().statusCode(200).header("ETag", "\"1\"");

        staff().header("If-Match", "\"0\"").contentType("application/json").body("{}")
                .post("/api/v1/inbox/complaints/" + id + "/acknowledge")
                .then().statusCode(412).contentType("application/problem+json");
        staff().header("If-Match", "\"1\"").contentType("application/json").body("{}")
                .post("/api/v1/inbox/complaints/" + id + "/acknowledge")
                .then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void assignmentIsToKnownStaffOfTheSameOpdOnly() {
        UUID id = InboxFixtures.freshComplaintOf(OPD);
        // A colleague becomes known when they use the inbox; someone of another OPD does not count.
        given().auth().oauth2(TestTokens.token("rekan.act", OPD, "opd-staff")).get("/api/v1/inbox/staff")
                .then().statusCode(200).body("username", hasItem("rekan.act"));
        given().auth().oauth2(TestTokens.token("orang.lain", "LAIN-" + OPD, "opd-staff"))
                .get("/api/v1/inbox/staff").then().statusCode(200);

        act(id, "assign", "{\"assignee\":\"orang.lain\"}").then().statusCode(400)
                .body("type", equalTo("urn:aduan:problem:unknown-assignee"));
        act(id, "assign", "{\"assignee\":\"rekan.act\"}").then().statusCode(200)
                .body("assignee", equalTo("rekan.act"));
        assertThat(publishedFor(id, 1).get(0).assignee()).isEqualTo(TestTokens.subjectOf("rekan.act"));
    }

    @Test
    void badBodiesAreProblemsNamingTheField() {
        UUID id = InboxFixtures.freshComplaintOf(OPD);
        act(id, "respond", "{}").then().statusCode(400).body("errors.field", hasItem("message"));
        act(id, "respond", "{\"message\":\"" + "x".repeat(2001) + "\"}").then().statusCode(400)
                .body("errors.field", hasItem("message"));
        act(id, "reject", "{\"reason\":\"r\",\"suggestedOpd\":\"bpjn; drop\"}").then().statusCode(400)
                .body("errors.field", hasItem("suggestedOpd"));
        act(id, "notes", "{\"text\":").then().statusCode(400)
                .body("type", equalTo("urn:aduan:problem:malformed-json"));
        staff().contentType("text/plain").body("hai").post("/api/v1/inbox/complaints/" + id + "/notes")
                .then().statusCode(415);
        staff().contentType("application/json").body("{}").post("/api/v1/inbox/complaints/not-an-id/acknowledge")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:aduan:problem:malformed-id"));
        act(id, "notes", "{\"text\":\"" + "x".repeat(70_000) + "\"}").then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:aduan:problem:payload-too-large"));
        assertThat(Sql.count("select count(*) from inbox.outbox_event where event_key = ?", id.toString())).isZero();
    }

    private static Response act(UUID id, String action, String body) {
        return staff().contentType("application/json").body(body)
                .post("/api/v1/inbox/complaints/" + id + "/" + action);
    }

    private static RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.token("staf.act", OPD, "opd-staff"));
    }

    private static List<ComplaintStatusChanged> publishedFor(UUID id, int count) {
        var records = KafkaTopics.settled(Topics.COMPLAINTS_STATUS, r -> id.toString().equals(r.key()), count,
                Duration.ofSeconds(15));
        assertThat(records).hasSize(count);
        return records.stream().map(r -> EventJson.read(r.value()))
                .map(EventEnvelope::payload).map(ComplaintStatusChanged.class::cast).toList();
    }

    private static int afterBarrier(CyclicBarrier barrier, java.util.function.Supplier<Response> call) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.get().statusCode();
    }
}
