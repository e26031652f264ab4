package id.aduan.sla.messaging;

import id.aduan.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes SLA events, completing only once Kafka has acknowledged them. */
@ApplicationScoped
public class SlaEventPublisher {

    @Inject
    @Channel("sla-events")
    MutinyEmitter<EventEnvelope> emitter;

    public Uni<Void> publish(EventEnvelope event) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(event)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build())))
                .ifNoItem().after(Duration.ofSeconds(30)).fail();
    }
}
