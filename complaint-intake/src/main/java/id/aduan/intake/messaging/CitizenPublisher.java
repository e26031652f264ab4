package id.aduan.intake.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.support.messaging.EventMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes CitizenResponded; completes only when Kafka has acknowledged it. */
@ApplicationScoped
public class CitizenPublisher {

    @Inject
    @Channel("citizen-responses")
    MutinyEmitter<EventEnvelope> emitter;

    @Inject
    IntakeConfig config;

    public Uni<Void> publish(EventEnvelope event) {
        return EventMessages.sendAcknowledged(emitter, event, config.publishTimeout())
                .onFailure().transform(BrokerUnavailableException::new);
    }
}
