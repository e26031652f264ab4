package id.aduan.sla.domain;

import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.sla.config.SlaConfig;
import id.aduan.sla.persistence.SlaClock;
import id.aduan.sla.persistence.SlaClockRepository;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * The clocks as a projection of the events. The first routing starts a complaint's clock; a re-route keeps it
 * running (the citizen's wait did not restart); resolving or closing stops it and reopening restarts it.
 */
@ApplicationScoped
public class SlaProjection {

    static final String CONSUMER = "sla-clocks";

    @Inject
    SlaClockRepository clocks;

    @Inject
    SlaConfig config;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        if (event.payload() instanceof ComplaintRouted routed) {
            if (routed.complaint() == null || routed.routing() == null || routed.routing().opdCode() == null) {
                return Uni.createFrom().failure(new PoisonEventException(
                        "ComplaintRouted " + event.eventId() + " lacks its complaint or OPD"));
            }
            return once(event, clocks.findById(event.complaintId()).chain(clock -> routed(clock, event, routed)));
        }
        if (event.payload() instanceof ComplaintStatusChanged changed) {
            return once(event, clocks.findById(event.complaintId()).map(clock -> {
                if (clock != null) {
                    statusChanged(clock, event.occurredAt(), changed.status());
                }
                return null;
            }));
        }
        return Uni.createFrom().voidItem();
    }

    /** Public for the deadline arithmetic's tests. */
    public OffsetDateTime deadlineFrom(OffsetDateTime start) {
        return start.plusDays(config.resolutionDays());
    }

    private Uni<Void> once(EventEnvelope event, Uni<?> work) {
        return ProcessedEvents.claim(CONSUMER, event.eventId())
                .chain(first -> first ? work.replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private Uni<Void> routed(SlaClock existing, EventEnvelope event, ComplaintRouted routed) {
        if (existing != null) {
            if (!event.occurredAt().isBefore(existing.statusAt)) {
                existing.opdCode = routed.routing().opdCode();
            }
            return Uni.createFrom().voidItem();
        }
        SlaClock clock = new SlaClock();
        clock.complaintId = event.complaintId();
        clock.trackingNumber = routed.complaint().trackingNumber();
        clock.opdCode = routed.routing().opdCode();
        clock.category = routed.complaint().category().code();
        clock.regionCode = routed.complaint().regionCode();
        clock.startedAt = event.occurredAt();
        clock.deadline = deadlineFrom(event.occurredAt());
        clock.status = ComplaintStatus.ROUTED;
        clock.statusAt = event.occurredAt();
        return clocks.persist(clock).replaceWithVoid();
    }

    private static void statusChanged(SlaClock clock, OffsetDateTime at, ComplaintStatus status) {
        if (at.isBefore(clock.statusAt) || status == ComplaintStatus.UNKNOWN) {
            return;
        }
        clock.status = status;
        clock.statusAt = at;
        if (status.isTerminal()) {
            clock.stoppedAt = at;
        } else if (status == ComplaintStatus.REOPENED) {
            clock.stoppedAt = null;
        }
    }
}
