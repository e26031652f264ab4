package id.aduan.intake.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.intake.domain.StatusProjection;
import id.aduan.support.messaging.Retrying;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the public status read model from the submitted, routed and status topics. The record is acknowledged
 * (its offset committed) only after the projection's transaction has committed.
 */
@ApplicationScoped
public class StatusFeedConsumer {

    @Inject
    StatusProjection projection;

    @Incoming("status-feed")
    public Uni<Void> consume(EventEnvelope event) {
        return Retrying.untilDone("status projection of " + event.eventId(), () -> projection.apply(event));
    }
}
