package id.aduan.inbox.domain;

import id.aduan.events.EventEnvelope;
import id.aduan.events.SlaBreached;
import id.aduan.events.SlaClockChanged;
import id.aduan.events.SlaEscalated;
import id.aduan.events.SlaWarning;
import id.aduan.inbox.persistence.SlaClockViewRepository;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Shows each complaint's deadline clock and its latest threshold (warning, breach, escalation) in the inbox, as
 * sla-monitor announces them; once per event.
 */
@ApplicationScoped
public class SlaClockProjection {

    static final String CONSUMER = "inbox-sla";
    private static final String RESOLUTION = "RESOLUTION";

    @Inject
    SlaClockViewRepository clocks;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        if (event.payload() instanceof SlaClockChanged changed && changed.deadline() != null) {
            return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                    ? clocks.clockChanged(event.complaintId(), changed.state(), changed.deadline(), event.occurredAt())
                    : Uni.createFrom().voidItem());
        }
        if (event.payload() instanceof SlaBreached breach) {
            // The resolution deadline is the one the inbox shows (events before first-response clocks name it too).
            boolean resolution = breach.clock() == null || RESOLUTION.equals(breach.clock());
            return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> !first
                    ? Uni.createFrom().voidItem()
                    : (resolution ? clocks.breached(event.complaintId(), event.occurredAt())
                            : Uni.createFrom().voidItem())
                            .chain(() -> clocks.flagged(event.complaintId(),
                                    (breach.clock() == null ? RESOLUTION : breach.clock()) + "_BREACHED",
                                    event.occurredAt())));
        }
        if (event.payload() instanceof SlaWarning warning) {
            return flag(event, warning.clock() + "_" + warning.percent());
        }
        if (event.payload() instanceof SlaEscalated escalated) {
            return flag(event, "ESCALATED_" + escalated.escalatedTo());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> flag(EventEnvelope event, String flag) {
        return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                ? clocks.flagged(event.complaintId(), flag, event.occurredAt())
                : Uni.createFrom().voidItem());
    }
}
