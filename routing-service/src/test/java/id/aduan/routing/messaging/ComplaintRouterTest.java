package id.aduan.routing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The router on the real broker: in order, explained, idempotent, and not stopped by poison. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class ComplaintRouterTest {

    @Test
    void submittedComplaintIsRoutedWithItsRuleAndKey() {
        EventEnvelope submitted = submitted(Category.HEALTH, "1703");
        KafkaTopics.send(Topics.COMPLAINTS_SUBMITTED, submitted);

        EventEnvelope routed = awaitRouted(submitted, 1).get(0);

        assertThat(routed.eventId()).isNotEqualTo(submitted.eventId());
        assertThat(routed.causationId()).isEqualTo(submitted.eventId());
        assertThat(routed.correlationId()).isEqualTo(submitted.correlationId());
        assertThat(routed.complaintId()).isEqualTo(submitted.complaintId());
        ComplaintRouted payload = routed.payload(ComplaintRouted.class).orElseThrow();
        assertThat(payload.routing().opdCode()).isEqualTo("DINKES-PROV");
        assertThat(payload.routing().ruleId()).isEqualTo("health-province");
        assertThat(payload.routing().ruleVersion()).isEqualTo("2026.2");
        assertThat(payload.routing().explanation()).contains("Kabupaten Bengkulu Utara");
        assertThat(payload.complaint()).isEqualTo(submitted.payload(ComplaintSubmitted.class).orElseThrow().complaint());
    }

    @Test
    void aRedeliveredSubmissionYieldsTheSameRoutedEvent() {
        EventEnvelope submitted = submitted(Category.ROAD, "1771");
        KafkaTopics.send(Topics.COMPLAINTS_SUBMITTED, submitted);
        KafkaTopics.send(Topics.COMPLAINTS_SUBMITTED, submitted);

        List<EventEnvelope> routed = awaitRouted(submitted, 2);

        assertThat(routed).hasSize(2);
        assertThat(routed.get(0).eventId()).isEqualTo(routed.get(1).eventId());
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndRoutingGoesOn() {
        String poison = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ComplaintSubmitted\"";
        KafkaTopics.send(Topics.COMPLAINTS_SUBMITTED, "x", poison.getBytes(StandardCharsets.UTF_8));
        EventEnvelope empty = EventEnvelope.first(UUID.randomUUID(), new ComplaintSubmitted(null), Clock.systemUTC());
        KafkaTopics.send(Topics.COMPLAINTS_SUBMITTED, empty);
        EventEnvelope after = submitted(Category.SCHOOL, "1708");
        KafkaTopics.send(Topics.COMPLAINTS_SUBMITTED, after);

        var unreadable = KafkaTopics.settled(Topics.deadLetter("routing-service"),
                r -> new String(r.value(), StandardCharsets.UTF_8).equals(poison), 1, Duration.ofSeconds(20));
        assertThat(unreadable).hasSize(1);
        assertThat(KafkaTopics.header(unreadable.get(0), "deserialization-failure-reason")).isNotBlank();
        var noComplaint = KafkaTopics.settled(Topics.deadLetter("routing-service"),
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(empty.eventId().toString()), 1,
                Duration.ofSeconds(20));
        assertThat(noComplaint).hasSize(1);
        assertThat(KafkaTopics.header(noComplaint.get(0), "dead-letter-reason")).contains("carries no complaint");

        assertThat(awaitRouted(after, 1)).hasSize(1);
    }

    @Test
    void aBurstIsRoutedInBatchesEachSubmissionOnce() throws Exception {
        List<EventEnvelope> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            burst.add(submitted(Category.values()[i % 4], i % 2 == 0 ? "1771" : "1703"));
        }
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", id.aduan.testing.KafkaBroker.bootstrapServers());
        props.put("acks", "all");
        props.put("linger.ms", "5");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (EventEnvelope e : burst) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.COMPLAINTS_SUBMITTED,
                        e.key(), EventJson.write(e)));
            }
            producer.flush();
        }
        java.util.Set<String> keys = new java.util.HashSet<>(burst.stream().map(EventEnvelope::key).toList());

        List<ConsumerRecord<String, byte[]>> routed = KafkaTopics.settled(Topics.COMPLAINTS_ROUTED,
                r -> keys.contains(r.key()), burst.size(), Duration.ofSeconds(60));

        assertThat(routed).hasSize(burst.size());
        assertThat(routed.stream().map(r -> EventJson.read(r.value()).causationId()).distinct())
                .containsExactlyInAnyOrderElementsOf(burst.stream().map(EventEnvelope::eventId).toList());
    }

    private static List<EventEnvelope> awaitRouted(EventEnvelope submitted, int count) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.settled(Topics.COMPLAINTS_ROUTED,
                r -> submitted.key().equals(r.key()), count, Duration.ofSeconds(20));
        assertThat(records).hasSize(count);
        return records.stream().map(r -> EventJson.read(r.value())).toList();
    }

    private static EventEnvelope submitted(Category category, String region) {
        UUID complaintId = UUID.randomUUID();
        return EventEnvelope.first(complaintId, new ComplaintSubmitted(new ComplaintSnapshot(
                "ADU-" + complaintId.toString().substring(0, 4).toUpperCase() + "-TEST-TEST-TEST", category, region,
                "Isi pengaduan uji", null, null, "api", OffsetDateTime.now())), Clock.systemUTC());
    }
}
