package id.aduan.inbox.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
import id.aduan.testing.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ComplaintRouted into the inbox on the real broker and database. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class RoutedComplaintConsumerTest {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    @Test
    void aRedeliveredEventIsStoredOnceAndAReRouteMovesTheComplaint() {
        String firstOpd = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String secondOpd = firstOpd + "-B";
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now(WIB).withNano(0);
        EventEnvelope routed = routed(complaintId, firstOpd, 1, t0);
        EventEnvelope rerouted = routed.next("rerouted-2", new ComplaintRouted(snapshot(complaintId, t0),
                new RoutingDecision(secondOpd, "Dinas B", "r2", "1", "Bukan kewenangan " + firstOpd, 2, firstOpd)),
                Clock.fixed(t0.plusMinutes(3).toInstant(), WIB));

        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(firstOpd).get("/api/v1/inbox/complaints").then().statusCode(200)
                .body("items.id", contains(complaintId.toString()))
                .body("items[0].status", equalTo("ROUTED")));

        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, rerouted);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(secondOpd).get("/api/v1/inbox/complaints").then().statusCode(200)
                .body("items.id", contains(complaintId.toString())));

        staff(firstOpd).get("/api/v1/inbox/complaints").then().body("items", hasSize(0));
        staff(secondOpd).get("/api/v1/inbox/complaints/" + complaintId).then().statusCode(200)
                .body("routing.opdCode", equalTo(secondOpd))
                .body("routing.hop", equalTo(2))
                .body("history.opdCode", contains(firstOpd, secondOpd))
                .body("history.eventId", contains(routed.eventId().toString(), rerouted.eventId().toString()));
        assertThat(Sql.count("select count(*) from inbox.complaint where id = ?", complaintId)).isEqualTo(1);
    }

    @Test
    void poisonAndIncompleteEventsGoToTheDeadLetterTopicAndTheInboxGoesOn() {
        String poison = "definitely not json " + UUID.randomUUID();
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, "k", poison.getBytes(StandardCharsets.UTF_8));
        UUID noOpd = UUID.randomUUID();
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.first(noOpd, new ComplaintRouted(
                snapshot(noOpd, OffsetDateTime.now(WIB)), null), Clock.systemUTC()));
        String opd = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID good = UUID.randomUUID();
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed(good, opd, 1, OffsetDateTime.now(WIB)));

        var dead = KafkaTopics.settled(Topics.deadLetter("opd-inbox"), r -> {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            return value.equals(poison) || value.contains(noOpd.toString());
        }, 2, Duration.ofSeconds(20));
        assertThat(dead).hasSize(2);
        assertThat(dead).anySatisfy(r -> assertThat(KafkaTopics.header(r, "dead-letter-reason"))
                .contains("lacks its complaint or OPD"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints").then().body("items.id", contains(good.toString())));
        assertThat(Sql.count("select count(*) from inbox.complaint where id = ?", noOpd)).isZero();
    }

    @Test
    void staffSeeWhatIntakeNoticedAPossibleDuplicateAndWhyItWentToTriage() {
        String opd = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID complaintId = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(WIB).withNano(0);
        ComplaintSnapshot plain = snapshot(complaintId, at.minusSeconds(1));
        ComplaintSnapshot read = new ComplaintSnapshot(plain.trackingNumber(), plain.category(), plain.regionCode(),
                plain.description(), plain.address(), null, "telegram", plain.submittedAt(), false, false,
                new id.aduan.events.Normalization(0.2, "text", 0.9, "kecamatan", "Ujan Mas", true,
                        java.util.List.of("category-unclear")), earlier);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(read, new RoutingDecision(opd, "Triase", "triage-unclear", "1", "Kurang jelas", 1,
                        null)), Clock.fixed(at.toInstant(), WIB)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(opd)
                .get("/api/v1/inbox/complaints/" + complaintId).then().statusCode(200)
                .body("possibleDuplicateOf", equalTo(earlier.toString()))
                .body("triageReasons", contains("category-unclear"))
                .body("channel", equalTo("telegram")));
    }

    @Test
    void theLiaisonOfAnOfficeOutsideTheProvinceSeesAndActsOnItsComplaints() {
        String liaison = "L-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String outside = "DISDIK-" + liaison;
        String stranger = liaison + "-X";
        UUID complaintId = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(WIB).withNano(0);
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(snapshot(complaintId, at.minusSeconds(1)), new RoutingDecision(outside,
                        "Dinas Pendidikan Kabupaten Uji", "school-basic", "1", "SD: kabupaten", 1, null, liaison)),
                Clock.fixed(at.toInstant(), WIB)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> staff(liaison).get("/api/v1/inbox/complaints")
                .then().statusCode(200).body("items.id", contains(complaintId.toString())));
        staff(liaison).get("/api/v1/inbox/complaints/" + complaintId).then().statusCode(200)
                .body("routing.opdCode", equalTo(outside))
                .body("routing.liaisonOpdCode", equalTo(liaison));
        staff(liaison).contentType("application/json").body("{}")
                .post("/api/v1/inbox/complaints/" + complaintId + "/acknowledge").then().statusCode(200);
        staff(stranger).get("/api/v1/inbox/complaints/" + complaintId).then().statusCode(404);
        staff(stranger).get("/api/v1/inbox/complaints").then().body("items", hasSize(0));
    }

    static EventEnvelope routed(UUID complaintId, String opd, int hop, OffsetDateTime at) {
        return EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(snapshot(complaintId, at.minusSeconds(1)),
                        new RoutingDecision(opd, "Dinas " + opd, "rule-" + opd, "1", "Karena uji", hop, null)),
                Clock.fixed(at.toInstant(), WIB));
    }

    static ComplaintSnapshot snapshot(UUID complaintId, OffsetDateTime at) {
        return new ComplaintSnapshot("ADU-" + complaintId.toString().substring(0, 4).toUpperCase() + "-TEST-TEST-"
                + complaintId.toString().substring(4, 8).toUpperCase(), Category.ROAD, "1771",
                "Jalan berlubang di depan kantor lurah", "Kel. Sawah Lebar", null, "api", at);
    }

    private static io.restassured.specification.RequestSpecification staff(String opd) {
        return given().auth().oauth2(TestTokens.token("staf." + opd.toLowerCase(), opd, "opd-staff"));
    }
}
