package id.aduan.support.messaging;

import id.aduan.events.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A consumer's poll applied in one database transaction instead of one per event: each event's projection joins
 * the batch's transaction (a {@code @WithTransaction} method reuses the one in progress) and keeps its own
 * deduplication by event id, in the partition's order. The session is flushed and cleared after each event, so an
 * event sees what the ones before it wrote, as it would with a transaction of its own. The batch is acknowledged
 * only after the commit.
 *
 * <p>Transient failures retry the whole batch with back-off, as {@link Retrying} does one event. Any other failure
 * rolls the batch back and applies its events one by one, each in its own transaction: the one that fails for good
 * is nacked alone (its channel sends it to the dead-letter topic) and the rest are applied. A record that could not
 * be read is nacked after the commit.
 */
public final class BatchedProjection {

    private static final Logger LOG = Logger.getLogger(BatchedProjection.class);

    private BatchedProjection() {
    }

    public static Uni<Void> apply(String what, KafkaRecordBatch<String, EventEnvelope> batch,
            Function<EventEnvelope, Uni<Void>> projection) {
        List<KafkaRecord<String, EventEnvelope>> records = batch.getRecords();
        List<KafkaRecord<String, EventEnvelope>> unreadable = records.stream().filter(r -> r.getPayload() == null)
                .toList();
        List<KafkaRecord<String, EventEnvelope>> readable = records.stream().filter(r -> r.getPayload() != null)
                .toList();
        List<EventEnvelope> events = readable.stream().map(KafkaRecord::getPayload).toList();
        Uni<Void> together = events.isEmpty() ? Uni.createFrom().voidItem()
                : Retrying.<Void>whileTransient(what + " of a batch of " + events.size(),
                        () -> Panache.withTransaction(() -> inOrder(events, projection)))
                        .onFailure().recoverWithUni(e -> {
                            LOG.warnf("%s: a batch of %d failed (%s); applying its events one by one", what,
                                    events.size(), e.toString());
                            return oneByOne(what, readable, projection);
                        });
        // The unreadable are nacked only after the commit: a dead-lettered record is acknowledged, and were it the
        // last of its partition in the poll, its offset would be committed before the records ahead of it.
        return together
                .chain(() -> Multi.createFrom().iterable(unreadable)
                        .onItem().call(r -> Uni.createFrom().completionStage(() -> r.nack(
                                new PoisonEventException(what + ": a record of " + r.getTopic() + "-"
                                        + r.getPartition() + " at offset " + offset(r) + " could not be read"))))
                        .collect().last())
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private static String offset(KafkaRecord<?, ?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> String.valueOf(m.getOffset()))
                .orElse("?");
    }

    private static Uni<Void> inOrder(List<EventEnvelope> events, Function<EventEnvelope, Uni<Void>> projection) {
        return Multi.createFrom().iterable(events)
                .onItem().call(event -> projection.apply(event)
                        .call(() -> Panache.getSession().chain(s -> s.flush().invoke(s::clear))))
                .collect().last().replaceWithVoid();
    }

    private static Uni<Void> oneByOne(String what, List<KafkaRecord<String, EventEnvelope>> readable,
            Function<EventEnvelope, Uni<Void>> projection) {
        return Multi.createFrom().iterable(readable)
                .onItem().call(r -> Retrying.<Void>whileTransient(what + " of " + r.getPayload().eventId(),
                                () -> Panache.withTransaction(() -> projection.apply(r.getPayload())))
                        .onFailure().recoverWithUni(e -> {
                            LOG.errorf(e, "%s of %s failed for good; it goes to the dead-letter topic", what,
                                    r.getPayload().eventId());
                            return Uni.createFrom().completionStage(() -> r.nack(e));
                        }))
                .collect().last().replaceWithVoid();
    }
}
