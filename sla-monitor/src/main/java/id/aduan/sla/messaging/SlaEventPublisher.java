package id.aduan.sla.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.support.messaging.EventMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes SLA events, completing only once Kafka has acknowledged them. */
@ApplicationScoped
public class SlaEventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Channel("sla-events")
    MutinyEmitter<EventEnvelope> emitter;

    public Uni<Void> publish(EventEnvelope event) {
        return EventMessages.sendAcknowledged(emitter, event, ACK_TIMEOUT);
    }
}
