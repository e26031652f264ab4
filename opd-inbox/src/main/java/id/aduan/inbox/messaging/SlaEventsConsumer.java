package id.aduan.inbox.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.inbox.domain.SlaClockProjection;
import id.aduan.support.messaging.Retrying;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** SlaClockChanged and SlaBreached into the inbox; acknowledged only after the database transaction committed. */
@ApplicationScoped
public class SlaEventsConsumer {

    @Inject
    SlaClockProjection projection;

    @Incoming("sla-events")
    public Uni<Void> consume(EventEnvelope event) {
        return Retrying.untilDone("inbox deadline from " + event.eventId(), () -> projection.apply(event));
    }
}
