package id.aduan.support.messaging;

import id.aduan.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Many events at once through an outgoing channel's Kafka producer (its settings: acks=all, idempotence), completed
 * when Kafka has acknowledged every one: a message and a Uni per event cost more than the work that made them.
 */
public final class EventBatches {

    private EventBatches() {
    }

    /** Sends each event, keyed by its complaint, to {@code topic}; fails if any send fails. */
    public static Uni<Void> publishAll(KafkaClientService kafka, String channel, String topic,
            List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        KafkaProducer<String, EventEnvelope> producer = kafka.getProducer(channel);
        return producer.runOnSendingThread(p -> {
            CompletableFuture<Void> all = new CompletableFuture<>();
            AtomicInteger left = new AtomicInteger(events.size());
            for (EventEnvelope event : events) {
                p.send(new ProducerRecord<>(topic, event.key(), event), (metadata, error) -> {
                    if (error != null) {
                        all.completeExceptionally(error);
                    } else if (left.decrementAndGet() == 0) {
                        all.complete(null);
                    }
                });
            }
            return all;
        }).chain(all -> Uni.createFrom().completionStage(all));
    }
}
