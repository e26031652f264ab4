package id.aduan.intake.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.support.messaging.EventMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes ComplaintSubmitted and completes only when the broker has acknowledged it (acks=all, idempotent
 * producer; see application.properties). Intake answers the citizen only after that.
 */
@ApplicationScoped
public class ComplaintPublisher {

    @Inject
    @Channel("complaints-submitted")
    MutinyEmitter<EventEnvelope> emitter;

    @Inject
    IntakeConfig config;

    /**
     * @return completes once Kafka has the event; fails with {@link BrokerUnavailableException} when Kafka
     *         refuses it or does not answer within {@code aduan.intake.publish-timeout}
     */
    public Uni<Void> publish(EventEnvelope event) {
        return EventMessages.sendAcknowledged(emitter, event, config.publishTimeout())
                .onFailure().transform(BrokerUnavailableException::new);
    }
}
