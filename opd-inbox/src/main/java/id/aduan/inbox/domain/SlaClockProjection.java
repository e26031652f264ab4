package id.aduan.inbox.domain;

import id.aduan.events.EventEnvelope;
import id.aduan.events.SlaBreached;
import id.aduan.events.SlaClockChanged;
import id.aduan.inbox.persistence.SlaClockViewRepository;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Shows each complaint's deadline clock in the inbox, as sla-monitor announces it; once per event. */
@ApplicationScoped
public class SlaClockProjection {

    static final String CONSUMER = "inbox-sla";

    @Inject
    SlaClockViewRepository clocks;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        if (event.payload() instanceof SlaClockChanged changed && changed.deadline() != null) {
            return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                    ? clocks.clockChanged(event.complaintId(), changed.state(), changed.deadline(), event.occurredAt())
                    : Uni.createFrom().voidItem());
        }
        if (event.payload() instanceof SlaBreached) {
            return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                    ? clocks.breached(event.complaintId(), event.occurredAt())
                    : Uni.createFrom().voidItem());
        }
        return Uni.createFrom().voidItem();
    }
}
