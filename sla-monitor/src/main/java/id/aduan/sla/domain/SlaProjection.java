package id.aduan.sla.domain;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.SlaClockChanged;
import id.aduan.events.Topics;
import id.aduan.events.Wib;
import id.aduan.sla.persistence.EarlyStatusChange;
import id.aduan.sla.persistence.SlaClock;
import id.aduan.sla.persistence.SlaClockRepository;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import id.aduan.support.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The clocks as a projection of the events. The first routing starts a complaint's clock; a re-route keeps it
 * running (the citizen's wait did not restart). Waiting for the citizen pauses it and any other status resumes it,
 * with the office time it had left; resolving or closing stops it and reopening resumes it the same way. Deadlines are
 * office time (working days of {@link WorkingCalendar}) in the region's time zone. A transfer
 * (the OPD merged into another) gives the clock to the new OPD, deadline unchanged. Each change is announced as
 * SlaClockChanged, written to the outbox in the same transaction.
 */
@ApplicationScoped
public class SlaProjection {

    static final String CONSUMER = "sla-clocks";
    static final String CLOCK = "RESOLUTION";

    @Inject
    SlaClockRepository clocks;

    @Inject
    WorkingCalendar calendar;

    @Inject
    SlaPolicies policies;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        if (event.payload() instanceof ComplaintRouted routed) {
            if (routed.complaint() == null || routed.routing() == null || routed.routing().opdCode() == null) {
                return Uni.createFrom().failure(new PoisonEventException(
                        "ComplaintRouted " + event.eventId() + " lacks its complaint or OPD"));
            }
            return once(event, clocks.findById(event.complaintId()).chain(c -> routed(c, event, routed)));
        }
        if (event.payload() instanceof ComplaintStatusChanged changed) {
            // Only a transfer moves the clock to another OPD: other actions name the OPD as it is.
            Move movedTo = changed.action() == ComplaintAction.TRANSFER
                    ? new Move(changed.opdCode(), changed.liaisonOpdCode()) : null;
            return once(event, clocks.findById(event.complaintId()).chain(c -> c == null
                    ? keepForLater(event, changed.status(), movedTo)
                    : statusChanged(c, event, changed.status(), movedTo)));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The resolution deadline of a clock started then: the policy's working days for its category and first OPD, in
     * office time of the region's time zone.
     */
    public OffsetDateTime deadlineFrom(OffsetDateTime start, SlaClock c) {
        int days = policies.resolutionDays(c.category, c.opdCode);
        return Wib.of(OffsetDateTime.ofInstant(calendar.plusWorkingTime(start.toInstant(),
                WorkingCalendar.workingDays(days), WorkingCalendar.zoneOf(c.regionCode)), Wib.ZONE));
    }

    private Uni<Void> once(EventEnvelope event, Uni<?> work) {
        return ProcessedEvents.claim(CONSUMER, event.eventId())
                .chain(first -> first ? work.replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private Uni<Void> routed(SlaClock existing, EventEnvelope event, ComplaintRouted routed) {
        if (existing != null) {
            if (event.occurredAt().isBefore(existing.statusAt)
                    || routed.routing().opdCode().equals(existing.opdCode)) {
                return Uni.createFrom().voidItem();
            }
            existing.opdCode = routed.routing().opdCode();
            existing.liaisonOpdCode = routed.routing().liaisonOpdCode();
            return announce(existing, event);
        }
        SlaClock c = new SlaClock();
        c.complaintId = event.complaintId();
        c.trackingNumber = routed.complaint().trackingNumber();
        c.opdCode = routed.routing().opdCode();
        c.liaisonOpdCode = routed.routing().liaisonOpdCode();
        c.category = routed.complaint().category().code();
        c.regionCode = routed.complaint().regionCode();
        c.startedAt = event.occurredAt();
        c.deadline = deadlineFrom(event.occurredAt(), c);
        c.status = ComplaintStatus.ROUTED;
        c.statusAt = event.occurredAt();
        return clocks.persist(c).chain(() -> announce(c, event)).chain(() -> applyEarly(c, event));
    }

    /** A transfer: the OPD that holds the complaint from then on, and its liaison. */
    private record Move(String opdCode, String liaisonOpdCode) {
    }

    private Uni<Void> keepForLater(EventEnvelope event, ComplaintStatus status, Move movedTo) {
        EarlyStatusChange early = new EarlyStatusChange();
        early.eventId = event.eventId();
        early.complaintId = event.complaintId();
        early.occurredAt = event.occurredAt();
        early.status = status;
        early.opdCode = movedTo == null ? null : movedTo.opdCode();
        early.liaisonOpdCode = movedTo == null ? null : movedTo.liaisonOpdCode();
        return early.persist().replaceWithVoid();
    }

    /** Status changes that arrived before this routing, in their order. */
    private Uni<Void> applyEarly(SlaClock c, EventEnvelope routed) {
        return EarlyStatusChange.<EarlyStatusChange>list("complaintId = ?1 order by occurredAt", c.complaintId)
                .chain(early -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EarlyStatusChange change : early) {
                        EventEnvelope asEvent = new EventEnvelope(change.eventId, ComplaintStatusChanged.TYPE, 1,
                                change.occurredAt, c.complaintId, routed.correlationId(), null, null);
                        Move move = change.opdCode == null ? null : new Move(change.opdCode, change.liaisonOpdCode);
                        chain = chain.chain(() -> statusChanged(c, asEvent, change.status, move))
                                .chain(() -> change.delete());
                    }
                    return chain;
                });
    }

    /** @param movedTo on a transfer, the OPD that holds the complaint now; else {@code null} */
    private Uni<Void> statusChanged(SlaClock c, EventEnvelope event, ComplaintStatus status, Move movedTo) {
        OffsetDateTime at = event.occurredAt();
        if (at.isBefore(c.statusAt) || status == ComplaintStatus.UNKNOWN) {
            return Uni.createFrom().voidItem();
        }
        String before = c.opdCode + c.state() + c.deadline.toInstant();
        c.status = status;
        c.statusAt = at;
        if (movedTo != null) {
            c.opdCode = movedTo.opdCode();
            c.liaisonOpdCode = movedTo.liaisonOpdCode();
        }
        if (status.isTerminal()) {
            resume(c, at);
            if (c.stoppedAt == null) {
                c.stoppedAt = at;
            }
        } else if (status == ComplaintStatus.WAITING_FOR_CITIZEN) {
            if (c.stoppedAt == null && c.pausedAt == null) {
                c.pausedAt = at;
            }
        } else {
            // Any other status: the OPD works on it again (a reply, a reopening, a re-route).
            resume(c, at);
            if (c.stoppedAt != null) {
                c.deadline = shifted(c, c.stoppedAt, at);
                c.stoppedAt = null;
            }
        }
        if (c.breachedAt != null && c.deadline.isAfter(Wib.now(clock))) {
            c.breachedAt = null; // the deadline moved: a new breach, if it comes, is a new event
        }
        return before.equals(c.opdCode + c.state() + c.deadline.toInstant()) ? Uni.createFrom().voidItem()
                : announce(c, event);
    }

    /** Ends a pause: the time spent waiting for the citizen does not count. */
    private void resume(SlaClock c, OffsetDateTime at) {
        if (c.pausedAt != null) {
            c.deadline = shifted(c, c.pausedAt, at);
            c.pausedAt = null;
        }
    }

    /** The deadline once a clock that stood still from {@code from} runs again at {@code at}. */
    private OffsetDateTime shifted(SlaClock c, OffsetDateTime from, OffsetDateTime at) {
        return Wib.of(OffsetDateTime.ofInstant(calendar.resumedDeadline(c.deadline.toInstant(), from.toInstant(),
                at.toInstant(), WorkingCalendar.zoneOf(c.regionCode)), Wib.ZONE));
    }

    private Uni<Void> announce(SlaClock c, EventEnvelope cause) {
        return Outbox.add(Topics.SLA_EVENTS, cause.next("sla-clock", new SlaClockChanged(c.trackingNumber,
                c.opdCode, CLOCK, c.state(), Wib.of(c.deadline), Wib.of(c.startedAt)),
                Clock.fixed(cause.occurredAt().toInstant(), Wib.ZONE)));
    }
}
