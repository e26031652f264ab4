package id.aduan.support.messaging;

import id.aduan.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Events on their way to Kafka: always keyed by complaint id, and sent with the broker's acknowledgement awaited. */
public final class EventMessages {

    private EventMessages() {
    }

    /** The Kafka metadata that keys a record by the event's complaint id. */
    public static OutgoingKafkaRecordMetadata<String> keyOf(EventEnvelope event) {
        return OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build();
    }

    /**
     * Sends the event and completes once Kafka has acknowledged it; fails when Kafka refuses it or does not answer
     * within the timeout (then nothing may be promised to anyone who relies on it).
     */
    public static Uni<Void> sendAcknowledged(MutinyEmitter<EventEnvelope> emitter, EventEnvelope event,
            Duration timeout) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(event).addMetadata(keyOf(event))))
                .ifNoItem().after(timeout).fail();
    }
}
