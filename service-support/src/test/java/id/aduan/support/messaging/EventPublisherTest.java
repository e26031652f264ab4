package id.aduan.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.aduan.events.CitizenResponded;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.support.messaging.EventPublisher.Outgoing;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Both modes of the one publisher, on a real broker and a real database. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class EventPublisherTest {

    static final String OUTBOX_TOPIC = "support.test.outbox";
    static final String BATCH_TOPIC = "support.test.batch";

    @Inject
    EventPublisher publisher;

    @Inject
    OutboxRelay relay;

    @Test
    void aStagedEventReachesKafkaThroughTheRelayAfterItsCommitAndOnlyOnce() throws Throwable {
        EventEnvelope event = event();
        inTransaction(() -> publisher.stage(OUTBOX_TOPIC, event));
        assertThat(unsent(event)).isOne();
        assertThat(onKafka(OUTBOX_TOPIC, event)).isEmpty();

        assertThat(VertxContextSupport.subscribeAndAwait(relay::relay)).isPositive();

        assertThat(unsent(event)).isZero();
        List<ConsumerRecord<String, byte[]>> records = onKafka(OUTBOX_TOPIC, event);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(event.complaintId().toString());
        assertThat(EventJson.read(records.get(0).value())).isEqualTo(event);
        // Marked sent in the relay's transaction: a second run sends nothing of it.
        VertxContextSupport.subscribeAndAwait(relay::relay);
        assertThat(onKafka(OUTBOX_TOPIC, event)).hasSize(1);
    }

    @Test
    void anEventStagedInATransactionThatRollsBackIsNeverSent() {
        EventEnvelope event = event();
        assertThatThrownBy(() -> inTransaction(() -> publisher.stage(OUTBOX_TOPIC, event)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))))
                .hasMessageContaining("the change failed");
        assertThat(Sql.count("select count(*) from support.outbox_event where id = ?", event.eventId())).isZero();
    }

    @Test
    void aHeldEventIsLeftToItsWriterWhoForwardsItAndMarksItSent() throws Throwable {
        EventEnvelope event = event();
        List<Outgoing> outgoing = List.of(new Outgoing(OUTBOX_TOPIC, event));
        inTransaction(() -> publisher.stageHeld(outgoing, Duration.ofHours(1)));
        VertxContextSupport.subscribeAndAwait(relay::relay);
        assertThat(unsent(event)).as("held from the relay").isOne();
        assertThat(onKafka(OUTBOX_TOPIC, event)).isEmpty();

        VertxContextSupport.subscribeAndAwait(() -> publisher.forward(outgoing, Duration.ofSeconds(10)));
        // Acknowledged: it is on the topic already.
        assertThat(onKafka(OUTBOX_TOPIC, event)).hasSize(1);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> publisher.find(
                event.eventId()))).orElseThrow().sent()).isFalse();
        inTransaction(() -> publisher.markSent(List.of(event.eventId())));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> publisher.find(
                event.eventId()))).orElseThrow().sent()).isTrue();
        assertThat(unsent(event)).isZero();
    }

    @Test
    void aForwardKafkaDoesNotAcknowledgeInTimeHasAnUnknownOutcomeAndTheRelaySendsTheSameEventAgain()
            throws Throwable {
        EventEnvelope event = event();
        List<Outgoing> outgoing = List.of(new Outgoing(OUTBOX_TOPIC, event));
        inTransaction(() -> publisher.stageHeld(outgoing, Duration.ZERO));

        // linger.ms=50 on this channel: no acknowledgement can come within 1 ms.
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> publisher.forward(outgoing,
                Duration.ofMillis(1)))).isInstanceOf(UnacknowledgedException.class);
        // Not failed, unknown: the producer may still deliver it (if it had the record before the wait ended). It is
        // still unsent in the outbox, so the relay sends it again: at most a copy with the same id, which consumers
        // drop.
        assertThat(unsent(event)).isOne();
        VertxContextSupport.subscribeAndAwait(relay::relay);
        assertThat(unsent(event)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !onKafka(OUTBOX_TOPIC, event).isEmpty());
        List<ConsumerRecord<String, byte[]>> copies = onKafka(OUTBOX_TOPIC, event);
        assertThat(copies).hasSizeBetween(1, 2);
        assertThat(copies).allSatisfy(r -> assertThat(EventJson.read(r.value()).eventId()).isEqualTo(event.eventId()));
    }

    @Test
    void anEventKafkaRefusesStaysInTheOutboxWithoutHoldingUpTheOthers() throws Throwable {
        UUID complaint = UUID.randomUUID();
        // Over the producer's max.request.size (1 MiB): refused by Kafka's client, every time.
        EventEnvelope tooLarge = EventEnvelope.of(UUID.randomUUID(), complaint, complaint, null,
                new CitizenResponded("ADU-TEST", CitizenResponded.REPLY, "x".repeat(1_200_000), null),
                Clock.systemUTC());
        EventEnvelope fine = event();
        inTransaction(() -> publisher.stage(List.of(new Outgoing(OUTBOX_TOPIC, tooLarge),
                new Outgoing(OUTBOX_TOPIC, fine))));

        VertxContextSupport.subscribeAndAwait(relay::relay);

        assertThat(unsent(fine)).isZero();
        assertThat(onKafka(OUTBOX_TOPIC, fine)).hasSize(1);
        assertThat(unsent(tooLarge)).as("kept for a later run, and for an operator to see").isOne();
        Sql.execute("delete from support.outbox_event where id = ?", tooLarge.eventId());
    }

    @Test
    void aBatchIsSentAtOnceAndCompletesOnlyWhenKafkaHasEveryEvent() throws Throwable {
        List<EventEnvelope> events = IntStream.range(0, 25).mapToObj(i -> event()).toList();
        VertxContextSupport.subscribeAndAwait(() -> publisher.sendAll("batch", events, Duration.ofSeconds(10)));
        List<UUID> ids = events.stream().map(EventEnvelope::eventId).toList();
        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.current(BATCH_TOPIC,
                r -> ids.contains(EventJson.read(r.value()).eventId()));
        assertThat(records).hasSize(events.size());
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(EventJson.read(r.value()).key()));
        // Nothing of a batch goes through the outbox.
        assertThat(Sql.count("select count(*) from support.outbox_event where topic = ?", BATCH_TOPIC)).isZero();
    }

    @Test
    void aChannelWithoutAProducerFailsTheSend() {
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> publisher.sendAll("no-such-channel",
                List.of(event()), Duration.ofSeconds(1)))).isInstanceOf(IllegalStateException.class);
    }

    static EventEnvelope event() {
        UUID complaint = UUID.randomUUID();
        return EventEnvelope.of(UUID.randomUUID(), complaint, complaint, null,
                new CitizenResponded("ADU-TEST", CitizenResponded.REPLY, "Sudah saya kirim fotonya", null),
                Clock.systemUTC());
    }

    private static long unsent(EventEnvelope event) {
        return Sql.count("select count(*) from support.outbox_event where id = ? and sent_at is null",
                event.eventId());
    }

    private static List<ConsumerRecord<String, byte[]>> onKafka(String topic, EventEnvelope event) {
        return KafkaTopics.current(topic, r -> event.complaintId().toString().equals(r.key()));
    }

    private static void inTransaction(java.util.function.Supplier<Uni<?>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work::get).replaceWithVoid());
    }
}
