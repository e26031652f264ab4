package id.aduan.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.CitizenResponded;
import id.aduan.events.EventEnvelope;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * A poll's batch through {@link BatchedProjection} on the real database, with batches built by hand so that each
 * case is exactly the batch it names. The projection claims each event (the idempotent-consumer check every
 * projection makes) and notes the transaction it ran in.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class BatchedProjectionTest {

    @Inject
    Claims projection;

    @Test
    void aBatchIsAppliedInOrderInOneTransactionDeduplicatedAndAckedAfterItsCommit() throws Throwable {
        Batch batch = new Batch();
        EventEnvelope a = event();
        EventEnvelope b = event();
        EventEnvelope c = event();
        batch.add(0, a).add(0, b).add(1, c).add(0, a); // a redelivered within the poll

        VertxContextSupport.subscribeAndAwait(() -> BatchedProjection.apply("test", batch.build(), projection::apply));

        assertThat(projection.order(batch.consumer)).containsExactly(a.eventId(), b.eventId(), a.eventId(), c.eventId());
        assertThat(projection.transactions(batch.consumer)).as("one transaction for the poll").hasSize(1);
        assertThat(claimed(batch.consumer)).isEqualTo(3);
        // The last record of each partition acknowledged, after the commit: the claims were visible by then.
        assertThat(batch.acked).containsExactlyInAnyOrder("p0@3", "p1@1");
        assertThat(batch.claimedWhenAcked).containsOnly(3L);
        assertThat(batch.nacked).isEmpty();
    }

    @Test
    void aPoisonEventAndAnUnreadableRecordAreDeadLetteredAloneAndTheRestApplied() throws Throwable {
        Batch batch = new Batch();
        EventEnvelope good = event();
        EventEnvelope poison = event();
        EventEnvelope after = event();
        projection.poison.add(poison.eventId());
        batch.add(0, good).add(0, null).add(0, poison).add(0, after);

        VertxContextSupport.subscribeAndAwait(() -> BatchedProjection.apply("test", batch.build(), projection::apply));

        assertThat(batch.nacked).containsExactlyInAnyOrder("p0@2", "p0@3");
        assertThat(claimed(batch.consumer)).as("the good two, once each, the poison's claim rolled back").isEqualTo(2);
        assertThat(Sql.count("select count(*) from support.processed_event where consumer = ? and event_id = ?",
                batch.consumer, poison.eventId())).isZero();
        assertThat(batch.acked).containsExactly("p0@4");
    }

    @Test
    void anUnreadableLastRecordIsDeadLetteredOnlyAfterTheRecordsAheadOfItAreCommitted() throws Throwable {
        // Dead-lettering acknowledges the record: as the last of its partition, that commits the partition's offset.
        Batch batch = new Batch();
        batch.add(0, event()).add(0, event()).add(0, null);

        VertxContextSupport.subscribeAndAwait(() -> BatchedProjection.apply("test", batch.build(), projection::apply));

        assertThat(batch.nacked).containsExactly("p0@3");
        assertThat(batch.claimedWhenNacked).containsExactly(2L);
    }

    @Test
    void aTransientFailureRetriesTheWholeBatchAndNothingIsAppliedTwice() throws Throwable {
        Batch batch = new Batch();
        EventEnvelope first = event();
        EventEnvelope flaky = event();
        projection.failOnce.add(flaky.eventId());
        batch.add(0, first).add(0, flaky);

        VertxContextSupport.subscribeAndAwait(() -> BatchedProjection.apply("test", batch.build(), projection::apply));

        assertThat(projection.order(batch.consumer)).containsExactly(first.eventId(), flaky.eventId(),
                first.eventId(), flaky.eventId());
        assertThat(claimed(batch.consumer)).isEqualTo(2);
        assertThat(batch.nacked).isEmpty();
        assertThat(batch.acked).containsExactly("p0@2");
    }

    private static long claimed(String consumer) {
        return Sql.count("select count(*) from support.processed_event where consumer = ?", consumer);
    }

    private static EventEnvelope event() {
        UUID complaint = UUID.randomUUID();
        return EventEnvelope.first(complaint, new CitizenResponded("ADU-TEST", CitizenResponded.REPLY, "jawaban", null),
                Clock.systemUTC());
    }

    /** The projection under test: claims the event in the transaction it joins, and notes which one that is. */
    @Singleton // no client proxy: the test reads its fields
    static class Claims {

        final Set<UUID> poison = ConcurrentHashMap.newKeySet();
        final Set<UUID> failOnce = ConcurrentHashMap.newKeySet();
        private final Map<String, List<UUID>> seen = new ConcurrentHashMap<>();
        private final Map<String, Set<Long>> transactions = new ConcurrentHashMap<>();
        private volatile String consumer;

        @WithTransaction
        public Uni<Void> apply(EventEnvelope event) {
            String who = consumer;
            seen.computeIfAbsent(who, k -> new CopyOnWriteArrayList<>()).add(event.eventId());
            if (poison.contains(event.eventId())) {
                return Uni.createFrom().failure(new PoisonEventException("poison " + event.eventId()));
            }
            if (failOnce.remove(event.eventId())) {
                return Uni.createFrom().failure(new IOException("the database went away for a moment"));
            }
            return Panache.getSession()
                    .chain(s -> s.createNativeQuery("select txid_current()", Long.class).getSingleResult())
                    .invoke(tx -> transactions.computeIfAbsent(who, k -> ConcurrentHashMap.newKeySet()).add(tx))
                    .chain(() -> ProcessedEvents.claim(who, event.eventId())).replaceWithVoid();
        }

        List<UUID> order(String who) {
            return seen.getOrDefault(who, List.of());
        }

        Set<Long> transactions(String who) {
            return transactions.getOrDefault(who, Set.of());
        }
    }

    /** A batch as the connector hands it over, its acks and nacks recorded by offset. */
    class Batch {
        final String consumer = "batch-test-" + UUID.randomUUID();
        final List<String> acked = new CopyOnWriteArrayList<>();
        final List<String> nacked = new CopyOnWriteArrayList<>();
        final List<Long> claimedWhenAcked = new CopyOnWriteArrayList<>();
        final List<Long> claimedWhenNacked = new CopyOnWriteArrayList<>();
        private final Map<TopicPartition, List<ConsumerRecord<String, EventEnvelope>>> records = new LinkedHashMap<>();

        Batch add(int partition, EventEnvelope event) {
            TopicPartition tp = new TopicPartition("support.test.batched", partition);
            List<ConsumerRecord<String, EventEnvelope>> list = records.computeIfAbsent(tp, k -> new ArrayList<>());
            list.add(new ConsumerRecord<>(tp.topic(), partition, list.size() + 1, "k", event));
            return this;
        }

        IncomingKafkaRecordBatch<String, EventEnvelope> build() {
            projection.consumer = consumer;
            KafkaCommitHandler commits = new KafkaCommitHandler() {
                @Override
                public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                    claimedWhenAcked.add(claimed(consumer));
                    acked.add("p" + record.getPartition() + "@" + record.getOffset());
                    return Uni.createFrom().voidItem();
                }
            };
            KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
                @Override
                public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                    claimedWhenNacked.add(claimed(consumer));
                    nacked.add("p" + record.getPartition() + "@" + record.getOffset());
                    return Uni.createFrom().voidItem();
                }
            };
            return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(records, Map.of()), "batched", 0, commits,
                    deadLetters, false, false);
        }
    }
}
