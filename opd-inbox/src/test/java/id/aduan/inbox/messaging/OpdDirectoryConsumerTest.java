package id.aduan.inbox.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventIds;
import id.aduan.events.EventJson;
import id.aduan.events.OpdMerged;
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
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** OpdMerged from routing-service's directory, on the real broker and database. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class OpdDirectoryConsumerTest {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final String SUCCESSOR_NAME = "Dinas Gabungan Uji";

    @Test
    void aMergerMovesTheOpenComplaintsOnceAndALateRoutingFollowsIt() {
        String prefix = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String first = prefix + "-A";
        String second = prefix + "-B";
        String successor = prefix + "-C";
        String outside = prefix + "-KAB";
        OffsetDateTime now = OffsetDateTime.now(WIB).withNano(0);
        LocalDate today = now.toLocalDate();

        UUID acknowledged = routeTo(first, null, now.minusMinutes(10));
        UUID routed = routeTo(second, null, now.minusMinutes(9));
        UUID resolved = routeTo(first, null, now.minusMinutes(8));
        UUID followedUp = routeTo(outside, first, now.minusMinutes(7));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(first).get("/api/v1/inbox/complaints")
                .then().statusCode(200).body("items.id", containsInAnyOrder(acknowledged.toString(),
                        resolved.toString(), followedUp.toString())));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(second).get("/api/v1/inbox/complaints")
                .then().statusCode(200).body("items.id", contains(routed.toString())));
        act(first, acknowledged, "acknowledge", "{}");
        act(first, resolved, "resolve", "{\"message\":\"Sudah selesai\"}");

        UUID changeId = UUID.randomUUID();
        EventEnvelope merger = EventEnvelope.of(UUID.randomUUID(), changeId, changeId, null,
                new OpdMerged(List.of(first, second), successor, SUCCESSOR_NAME, null, today,
                        "Dinas A dan Dinas B digabung", "admin-subject"),
                Clock.fixed(now.toInstant(), WIB));
        KafkaTopics.send(Topics.OPD_DIRECTORY, merger);
        KafkaTopics.send(Topics.OPD_DIRECTORY, merger);
        // A later change on the same key (so the same partition): once it is applied, so is the copy before it.
        String marker = prefix + "-M";
        KafkaTopics.send(Topics.OPD_DIRECTORY, EventEnvelope.of(UUID.randomUUID(), changeId, changeId, null,
                new OpdMerged(List.of(marker), successor, SUCCESSOR_NAME, null, today, "Penanda", "admin-subject"),
                Clock.fixed(now.toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Sql.count("select count(*) from inbox.opd_succession where from_code = ?", marker) == 1);

        staff(successor).get("/api/v1/inbox/complaints").then().statusCode(200)
                .body("items.id", containsInAnyOrder(acknowledged.toString(), routed.toString(),
                        followedUp.toString()));
        staff(successor).get("/api/v1/inbox/complaints/" + acknowledged).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("routing.opdCode", equalTo(successor))
                .body("routing.opdName", equalTo(SUCCESSOR_NAME))
                .body("history.action", contains(nullValue(), equalTo("ACKNOWLEDGE"), equalTo("TRANSFER")))
                .body("history.opdCode", contains(first, first, successor));
        staff(successor).get("/api/v1/inbox/complaints/" + followedUp).then().statusCode(200)
                .body("routing.opdCode", equalTo(outside))
                .body("routing.liaisonOpdCode", equalTo(successor));
        // The new OPD's staff act on what they inherited; the old OPD keeps only its closed complaint.
        act(successor, routed, "acknowledge", "{}");
        staff(first).get("/api/v1/inbox/complaints").then().statusCode(200)
                .body("items.id", contains(resolved.toString()));
        staff(first).get("/api/v1/inbox/complaints/" + resolved).then().statusCode(200)
                .body("routing.opdCode", equalTo(first))
                .body("status", equalTo("RESOLVED"));
        staff(first).get("/api/v1/inbox/complaints/" + acknowledged).then().statusCode(404);

        // One TRANSFER per moved complaint, with an id derived from the merger: none for the copy, none for the
        // resolved complaint, none for the one the merged OPD only followed up.
        Set<String> keys = Set.of(acknowledged.toString(), routed.toString(), resolved.toString(),
                followedUp.toString());
        var records = KafkaTopics.settled(Topics.COMPLAINTS_STATUS, r -> keys.contains(r.key())
                && transfer(r.value()) != null, 2, Duration.ofSeconds(20));
        Map<UUID, EventEnvelope> transfers = records.stream().map(r -> EventJson.read(r.value()))
                .collect(Collectors.toMap(EventEnvelope::complaintId, Function.identity()));
        assertThat(records).hasSize(2);
        assertThat(transfers).containsOnlyKeys(acknowledged, routed);
        EventEnvelope moved = transfers.get(acknowledged);
        assertThat(moved.eventId()).isEqualTo(EventIds.derived(merger.eventId(), "transfer/" + acknowledged));
        assertThat(moved.causationId()).isEqualTo(merger.eventId());
        ComplaintStatusChanged changed = moved.payload(ComplaintStatusChanged.class).orElseThrow();
        assertThat(changed.opdCode()).isEqualTo(successor);
        assertThat(changed.opdName()).isEqualTo(SUCCESSOR_NAME);
        assertThat(changed.liaisonOpdCode()).isNull();
        assertThat(changed.previousStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(changed.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(changed.actor()).isEqualTo("system");
        assertThat(changed.reason()).isEqualTo(first + " digabung ke " + successor + " sejak " + today);
        assertThat(transfers.get(routed).payload(ComplaintStatusChanged.class).orElseThrow().reason())
                .startsWith(second + " digabung ke " + successor);

        // Routings sent before routing-service merged the OPDs, read after: both land at the successor, also one
        // sent the day before (the merger has moved the OPD's complaints already and would miss it for good).
        UUID lateToday = UUID.randomUUID();
        EventEnvelope lateRouting = RoutedComplaintConsumerTest.routed(lateToday, first, 1, now);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, lateRouting);
        UUID lateYesterday = routeTo(second, null, now.minusDays(1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(successor).get("/api/v1/inbox/complaints")
                .then().statusCode(200).body("items.id", hasItem(lateYesterday.toString()))
                .body("items.id", hasItem(lateToday.toString())));
        staff(successor).get("/api/v1/inbox/complaints/" + lateToday).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("routing.opdCode", equalTo(successor))
                .body("routing.opdName", equalTo(SUCCESSOR_NAME))
                .body("history.action", contains(nullValue(), equalTo("TRANSFER")))
                .body("history.opdCode", contains(first, successor));
        var late = KafkaTopics.settled(Topics.COMPLAINTS_STATUS, r -> r.key().equals(lateToday.toString()),
                1, Duration.ofSeconds(20));
        assertThat(late).hasSize(1);
        EventEnvelope lateTransfer = EventJson.read(late.get(0).value());
        assertThat(lateTransfer.eventId()).isEqualTo(EventIds.derived(lateRouting.eventId(), "transfer/" + lateToday));
        assertThat(lateTransfer.payload(ComplaintStatusChanged.class).orElseThrow().opdCode()).isEqualTo(successor);
        assertThat(Sql.count("select count(*) from inbox.complaint where opd_code in (?, ?) and status <> 'RESOLVED'",
                first, second)).isZero();
    }

    @Test
    void mergersReadOutOfOrderSendComplaintsToTheLastSuccessor() {
        String prefix = "N" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String first = prefix + "-A";
        String middle = prefix + "-B";
        String last = prefix + "-C";
        OffsetDateTime now = OffsetDateTime.now(WIB).withNano(0);
        UUID complaint = routeTo(first, null, now.minusMinutes(5));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(first).get("/api/v1/inbox/complaints")
                .then().statusCode(200).body("items.id", contains(complaint.toString())));

        // B into C is read first (directory events are keyed by change, on any partition), then A into B.
        UUID later = UUID.randomUUID();
        KafkaTopics.send(Topics.OPD_DIRECTORY, EventEnvelope.of(UUID.randomUUID(), later, later, null,
                new OpdMerged(List.of(middle), last, "Dinas C", null, now.toLocalDate(), "B ke C", "admin"),
                Clock.fixed(now.toInstant(), WIB)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Sql.count("select count(*) from inbox.opd_succession where from_code = ?", middle) == 1);
        UUID earlier = UUID.randomUUID();
        EventEnvelope merger = EventEnvelope.of(UUID.randomUUID(), earlier, earlier, null,
                new OpdMerged(List.of(first), middle, "Dinas B", null, now.toLocalDate(), "A ke B", "admin"),
                Clock.fixed(now.toInstant(), WIB));
        KafkaTopics.send(Topics.OPD_DIRECTORY, merger);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> staff(last).get("/api/v1/inbox/complaints/"
                + complaint).then().statusCode(200)
                .body("routing.opdCode", equalTo(last))
                .body("routing.opdName", equalTo("Dinas C")));
        UUID late = routeTo(first, null, now);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(last).get("/api/v1/inbox/complaints/"
                + late).then().statusCode(200).body("routing.opdCode", equalTo(last)));
        assertThat(Sql.count("select count(*) from inbox.outbox_event where id = ?",
                EventIds.derived(merger.eventId(), "transfer/" + complaint))).isEqualTo(1);
    }

    @Test
    void aMergerWithoutItsOpdsGoesToTheDeadLetterTopic() {
        UUID changeId = UUID.randomUUID();
        KafkaTopics.send(Topics.OPD_DIRECTORY, EventEnvelope.of(UUID.randomUUID(), changeId, changeId, null,
                new OpdMerged(List.of(), "X-INTO", "X", null, LocalDate.now(WIB), "kosong", "admin"),
                Clock.systemUTC()));

        var dead = KafkaTopics.settled(Topics.deadLetter("opd-inbox"),
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(changeId.toString()), 1,
                Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(KafkaTopics.header(dead.get(0), "dead-letter-reason")).contains("lacks its OPDs");
    }

    /** The event's TRANSFER payload, or null for any other record. */
    private static ComplaintStatusChanged transfer(byte[] value) {
        return EventJson.read(value).payload(ComplaintStatusChanged.class)
                .filter(c -> c.action() == ComplaintAction.TRANSFER).orElse(null);
    }

    private static UUID routeTo(String opd, String liaison, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), id, id, null,
                new ComplaintRouted(RoutedComplaintConsumerTest.snapshot(id, at.minusSeconds(1)),
                        new RoutingDecision(opd, "Dinas " + opd, "rule-" + opd, "1", "Karena uji", 1, null,
                                liaison)),
                Clock.fixed(at.toInstant(), WIB)));
        return id;
    }

    private static void act(String opd, UUID complaint, String action, String body) {
        staff(opd).contentType("application/json").body(body)
                .post("/api/v1/inbox/complaints/" + complaint + "/" + action).then().statusCode(200);
    }

    private static RequestSpecification staff(String opd) {
        return given().auth().oauth2(TestTokens.token("staf." + opd.toLowerCase(), opd, "opd-staff"));
    }
}
