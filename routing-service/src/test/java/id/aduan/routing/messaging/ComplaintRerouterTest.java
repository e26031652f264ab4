package id.aduan.routing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rejections on the real broker: the next hop is published, once per rejection however often it is delivered. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class ComplaintRerouterTest {

    @Test
    void aRejectionSendsTheComplaintOnAndARedeliveryYieldsTheSameEvent() {
        UUID complaintId = UUID.randomUUID();
        ComplaintSnapshot complaint = new ComplaintSnapshot("ADU-RRRR-" + complaintId.toString().substring(0, 4)
                .toUpperCase() + "-CCCC-DDDD", Category.HEALTH, "1771", "jalan ke puskesmas rusak parah", null, null,
                "api", OffsetDateTime.parse("2026-11-26T09:00:00+07:00"));
        EventEnvelope rejected = EventEnvelope.first(complaintId, new ComplaintStatusChanged(complaint.trackingNumber(),
                "DINKES-1771", ComplaintStatus.ROUTED, ComplaintStatus.REJECTED, ComplaintAction.REJECT, "staf-1",
                "Ini jalan, bukan puskesmas", null, "DPUPR-PROV", null, null, complaint, 1, List.of("DINKES-1771")),
                Clock.systemUTC());

        KafkaTopics.send(Topics.COMPLAINTS_STATUS, rejected);
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, rejected);

        List<EventEnvelope> routed = KafkaTopics.settled(Topics.COMPLAINTS_ROUTED,
                r -> r.key().equals(complaintId.toString()), 2, Duration.ofSeconds(20))
                .stream().map(r -> EventJson.read(r.value())).toList();
        assertThat(routed).hasSize(2);
        assertThat(routed.get(0).eventId()).isEqualTo(routed.get(1).eventId());
        assertThat(routed.get(0).causationId()).isEqualTo(rejected.eventId());
        ComplaintRouted next = routed.get(0).payload(ComplaintRouted.class).orElseThrow();
        assertThat(next.routing().opdCode()).isEqualTo("DPUPR-PROV");
        assertThat(next.routing().hop()).isEqualTo(2);
        assertThat(next.routing().previousOpdCode()).isEqualTo("DINKES-1771");
        assertThat(next.complaint()).isEqualTo(complaint);
    }

    @Test
    void otherStatusChangesAreNotRoutingsAndARejectionWithoutItsComplaintGoesToTheDeadLetterTopic() {
        UUID acknowledged = UUID.randomUUID();
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, EventEnvelope.first(acknowledged, new ComplaintStatusChanged(
                "ADU-AAAA-BBBB-CCCC-DDDD", "DINKES-PROV", ComplaintStatus.ROUTED, ComplaintStatus.ACKNOWLEDGED,
                ComplaintAction.ACKNOWLEDGE, "staf-1", null, null, null, null, null), Clock.systemUTC()));
        UUID bare = UUID.randomUUID();
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, EventEnvelope.first(bare, new ComplaintStatusChanged(
                "ADU-AAAA-BBBB-CCCC-EEEE", "DINKES-PROV", ComplaintStatus.ROUTED, ComplaintStatus.REJECTED,
                ComplaintAction.REJECT, "staf-1", "bukan kami", null, null, null, null), Clock.systemUTC()));

        assertThat(KafkaTopics.settled(Topics.deadLetter("routing-service"), r -> r.key().equals(bare.toString()), 1,
                Duration.ofSeconds(20))).hasSize(1);
        KafkaTopics.awaitQuiet();
        assertThat(KafkaTopics.all(Topics.COMPLAINTS_ROUTED, r -> r.key().equals(acknowledged.toString()))
                .isEmpty()).isTrue();
    }
}
