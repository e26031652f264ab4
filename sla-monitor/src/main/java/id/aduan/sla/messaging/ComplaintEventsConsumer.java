package id.aduan.sla.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.sla.domain.SlaProjection;
import id.aduan.support.messaging.Retrying;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routed and status events into the clocks; acknowledged only after the database transaction has committed. */
@ApplicationScoped
public class ComplaintEventsConsumer {

    @Inject
    SlaProjection projection;

    @Incoming("complaint-events")
    public Uni<Void> consume(EventEnvelope event) {
        return Retrying.untilDone("SLA clock of " + event.eventId(), () -> projection.apply(event));
    }
}
