package id.aduan.sla.domain;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventIds;
import id.aduan.events.SlaClockChanged;
import id.aduan.events.Topics;
import id.aduan.events.Wib;
import id.aduan.sla.persistence.EarlyStatusChange;
import id.aduan.sla.persistence.EarlyStatusChangeRepository;
import id.aduan.sla.persistence.SlaClock;
import id.aduan.sla.persistence.SlaClockRepository;
import id.aduan.sla.persistence.SlaMarkRepository;
import id.aduan.sla.persistence.SlaPauseRepository;
import id.aduan.sla.persistence.SlaPauseRepository.Pause;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import id.aduan.support.messaging.EventPublisher;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
    static final String CLOCK = SlaMarks.RESOLUTION;
    /** What counts as the OPD's first answer to the citizen. */
    private static final Set<ComplaintAction> RESPONSES = EnumSet.of(ComplaintAction.ACKNOWLEDGE,
            ComplaintAction.RESPOND, ComplaintAction.REQUEST_INFO, ComplaintAction.RESOLVE);
    private static final Set<ComplaintStatus> RESPONDED = EnumSet.of(ComplaintStatus.ACKNOWLEDGED,
            ComplaintStatus.RESPONDED, ComplaintStatus.WAITING_FOR_CITIZEN, ComplaintStatus.RESOLVED);

    @Inject
    SlaClockRepository clocks;

    @Inject
    Calendars calendars;

    @Inject
    SlaPolicies policies;

    @Inject
    EventPublisher publisher;

    @Inject
    SlaMarks marks;

    @Inject
    SlaMarkRepository markPlans;

    @Inject
    SlaPauseRepository pauses;

    @Inject
    EarlyStatusChangeRepository earlyChanges;

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
            Change change = new Change(changed.status(), changed.action(), changed.rating(), movedTo,
                    changed.opdName());
            return once(event, clocks.findById(event.complaintId()).chain(c -> c == null
                    ? keepForLater(event, change)
                    : statusChanged(c, event, change)));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The resolution deadline of a clock started then: its office time to resolve (the policy's working days for its
     * category and first OPD), in the region's time zone.
     */
    public OffsetDateTime deadlineFrom(OffsetDateTime start, SlaClock c) {
        return plus(start, policies.resolutionTime(c), c);
    }

    /** The first-response deadline of a clock started then. */
    public OffsetDateTime firstResponseDeadlineFrom(OffsetDateTime start, SlaClock c) {
        return plus(start, WorkingCalendar.workingDays(policies.firstResponseDays()), c);
    }

    private OffsetDateTime plus(OffsetDateTime start, Duration officeTime, SlaClock c) {
        return Wib.of(calendars.current().plusWorkingTime(start.toInstant(), officeTime, zone(c)));
    }

    private Uni<Void> once(EventEnvelope event, Uni<?> work) {
        return ProcessedEvents.claim(CONSUMER, event.eventId())
                .chain(first -> first ? work.replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private Uni<Void> routed(SlaClock existing, EventEnvelope event, ComplaintRouted routed) {
        if (existing != null) {
            // Only a routing newer than the OPD the clock has moves it (the inbox's news may have come first).
            if (!event.occurredAt().isAfter(opdSince(existing))
                    || routed.routing().opdCode().equals(existing.opdCode)) {
                return Uni.createFrom().voidItem();
            }
            existing.opdSince = event.occurredAt();
            existing.opdCode = routed.routing().opdCode();
            existing.opdName = routed.routing().opdName();
            existing.liaisonOpdCode = routed.routing().liaisonOpdCode();
            return announce(existing, event);
        }
        SlaClock c = new SlaClock();
        c.complaintId = event.complaintId();
        c.trackingNumber = routed.complaint().trackingNumber();
        c.opdCode = routed.routing().opdCode();
        c.opdName = routed.routing().opdName();
        c.liaisonOpdCode = routed.routing().liaisonOpdCode();
        c.category = routed.complaint().category().code();
        c.regionCode = routed.complaint().regionCode();
        c.startedAt = event.occurredAt();
        c.opdSince = event.occurredAt();
        c.resolutionMinutes = (int) policies.resolutionTime(c).toMinutes();
        c.deadline = deadlineFrom(event.occurredAt(), c);
        c.firstResponseDeadline = firstResponseDeadlineFrom(event.occurredAt(), c);
        c.status = ComplaintStatus.ROUTED;
        c.statusAt = event.occurredAt();
        return clocks.persist(c).chain(() -> announce(c, event)).chain(() -> applyEarly(c, event))
                .chain(() -> markPlans.replan(c.complaintId, marks.plan(c)));
    }

    /** A transfer: the OPD that holds the complaint from then on, and its liaison. */
    private record Move(String opdCode, String liaisonOpdCode) {
    }

    /** What a status change says to the clocks. */
    private record Change(ComplaintStatus status, ComplaintAction action, Integer rating, Move movedTo,
            String opdName) {

        boolean isFirstResponse() {
            return action != null && action != ComplaintAction.UNKNOWN ? RESPONSES.contains(action)
                    : RESPONDED.contains(status);
        }
    }

    private Uni<Void> keepForLater(EventEnvelope event, Change change) {
        EarlyStatusChange early = new EarlyStatusChange();
        early.eventId = event.eventId();
        early.complaintId = event.complaintId();
        early.occurredAt = event.occurredAt();
        early.status = change.status();
        early.action = change.action();
        early.rating = change.rating() == null ? null : change.rating().shortValue();
        early.opdCode = change.movedTo() == null ? null : change.movedTo().opdCode();
        early.liaisonOpdCode = change.movedTo() == null ? null : change.movedTo().liaisonOpdCode();
        early.opdName = change.movedTo() == null ? null : change.opdName();
        return earlyChanges.persist(early).replaceWithVoid();
    }

    /** Status changes that arrived before this routing, in their order. */
    private Uni<Void> applyEarly(SlaClock c, EventEnvelope routed) {
        return earlyChanges.ofComplaint(c.complaintId)
                .chain(early -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EarlyStatusChange change : early) {
                        EventEnvelope asEvent = new EventEnvelope(change.eventId, ComplaintStatusChanged.TYPE, 1,
                                change.occurredAt, c.complaintId, routed.correlationId(), null, null);
                        Move move = change.opdCode == null ? null : new Move(change.opdCode, change.liaisonOpdCode);
                        Change what = new Change(change.status, change.action,
                                change.rating == null ? null : change.rating.intValue(), move, change.opdName);
                        chain = chain.chain(() -> statusChanged(c, asEvent, what))
                                .chain(() -> earlyChanges.delete(change));
                    }
                    return chain;
                });
    }

    private Uni<Void> statusChanged(SlaClock c, EventEnvelope event, Change change) {
        OffsetDateTime at = event.occurredAt();
        String planned = planKey(c);
        // The first answer and the rating count in whatever order the two topics deliver them.
        if (change.isFirstResponse() && (c.firstResponseAt == null || at.isBefore(c.firstResponseAt))) {
            c.firstResponseAt = at;
            c.firstResponseMinutes = (int) calendars.current().workingTime(c.startedAt.toInstant(), at.toInstant(),
                    zone(c)).toMinutes();
        }
        if (change.action() == ComplaintAction.CITIZEN_CONFIRM && change.rating() != null
                && change.rating() >= 1 && change.rating() <= 5) {
            c.rating = change.rating().shortValue();
            c.ratedAt = at;
        }
        String before = c.opdCode + c.state() + c.deadline.toInstant();
        Move movedTo = change.movedTo();
        if (movedTo != null && !at.isBefore(opdSince(c))) {
            c.opdSince = at;
            c.opdCode = movedTo.opdCode();
            c.liaisonOpdCode = movedTo.liaisonOpdCode();
            if (change.opdName() != null) {
                c.opdName = change.opdName();
            }
        }
        ComplaintStatus status = change.status();
        if (at.isBefore(c.statusAt) || status == ComplaintStatus.UNKNOWN) {
            return (before.equals(c.opdCode + c.state() + c.deadline.toInstant()) ? Uni.createFrom().voidItem()
                    : announce(c, event)).chain(() -> replanIfChanged(c, planned));
        }
        c.status = status;
        c.statusAt = at;
        List<Pause> stood = new ArrayList<>(1);
        if (status.isTerminal()) {
            resume(c, at, stood);
            if (c.stoppedAt == null) {
                c.stoppedAt = at;
            }
        } else if (status == ComplaintStatus.WAITING_FOR_CITIZEN) {
            if (c.stoppedAt == null && c.pausedAt == null) {
                c.pausedAt = at;
            }
        } else {
            // Any other status: the OPD works on it again (a reply, a reopening, a re-route).
            resume(c, at, stood);
            if (c.stoppedAt != null) {
                c.deadline = shifted(c, c.stoppedAt, at);
                stood.add(new Pause(c.stoppedAt, at));
                c.stoppedAt = null;
            }
        }
        Uni<Void> announced = before.equals(c.opdCode + c.state() + c.deadline.toInstant())
                ? Uni.createFrom().voidItem() : announce(c, event);
        return announced.chain(() -> pauses.record(c.complaintId, stood)).chain(() -> replanIfChanged(c, planned));
    }

    /** When the clock's OPD was last set: its first routing, a re-route or a transfer. */
    private static OffsetDateTime opdSince(SlaClock c) {
        return c.opdSince != null ? c.opdSince : c.startedAt;
    }

    /** What the marks depend on. */
    private static String planKey(SlaClock c) {
        return c.state() + c.deadline.toInstant() + c.firstResponseAt;
    }

    private Uni<Void> replanIfChanged(SlaClock c, String planned) {
        return planned.equals(planKey(c)) ? Uni.createFrom().voidItem()
                : markPlans.replan(c.complaintId, marks.plan(c));
    }

    private static ZoneId zone(SlaClock c) {
        return WorkingCalendar.zoneOf(c.regionCode);
    }

    /** Ends a pause: the time spent waiting for the citizen does not count. */
    private void resume(SlaClock c, OffsetDateTime at, List<Pause> stood) {
        if (c.pausedAt != null) {
            c.deadline = shifted(c, c.pausedAt, at);
            stood.add(new Pause(c.pausedAt, at));
            c.pausedAt = null;
        }
    }

    /**
     * The resolution deadline under the calendar in force now, from the clock's start, its budget and every span it
     * stood still: the office time runs in the spans between, and the deadline is where the budget is used up. A
     * clock paused now keeps its deadline as if running, as before (resuming moves it).
     */
    public OffsetDateTime recomputedDeadline(SlaClock c, List<Pause> stood) {
        WorkingCalendar calendar = calendars.current();
        ZoneId zone = zone(c);
        Duration left = policies.resolutionTime(c);
        Instant runFrom = c.startedAt.toInstant();
        for (Pause pause : stood.stream().sorted(Comparator.comparing(Pause::from)).toList()) {
            Duration ran = calendar.workingTime(runFrom, pause.from().toInstant(), zone);
            if (ran.compareTo(left) >= 0) {
                break;
            }
            left = left.minus(ran);
            runFrom = pause.to().toInstant();
        }
        return Wib.of(calendar.plusWorkingTime(runFrom, left, zone));
    }

    /** The deadline once a clock that stood still from {@code from} runs again at {@code at}. */
    private OffsetDateTime shifted(SlaClock c, OffsetDateTime from, OffsetDateTime at) {
        return Wib.of(calendars.current().resumedDeadline(c.deadline.toInstant(), from.toInstant(),
                at.toInstant(), zone(c)));
    }

    /**
     * Puts an open clock's deadlines under the calendar in force now (after a calendar correction); announces and
     * re-plans its thresholds if they moved.
     *
     * @return whether they moved
     */
    public Uni<Boolean> recompute(SlaClock c, List<Pause> stood) {
        OffsetDateTime deadline = recomputedDeadline(c, stood);
        OffsetDateTime firstResponse = firstResponseDeadlineFrom(c.startedAt, c);
        if (deadline.isEqual(c.deadline) && (c.firstResponseDeadline == null
                || firstResponse.isEqual(c.firstResponseDeadline))) {
            return Uni.createFrom().item(false);
        }
        boolean moved = !deadline.isEqual(c.deadline);
        c.deadline = deadline;
        c.firstResponseDeadline = c.firstResponseDeadline == null ? null : firstResponse;
        EventEnvelope cause = EventEnvelope.of(EventIds.derived(c.complaintId,
                "calendar/" + deadline.toInstant() + "/" + firstResponse.toInstant()), c.complaintId, c.complaintId,
                null, new SlaClockChanged(c.trackingNumber, c.opdCode, CLOCK, c.state(), Wib.of(c.deadline),
                        Wib.of(c.startedAt)), clock);
        return (moved ? publisher.stage(Topics.SLA_EVENTS, cause) : Uni.createFrom().voidItem())
                .chain(() -> markPlans.replan(c.complaintId, marks.plan(c)))
                .replaceWith(true);
    }

    private Uni<Void> announce(SlaClock c, EventEnvelope cause) {
        return publisher.stage(Topics.SLA_EVENTS, cause.next("sla-clock", new SlaClockChanged(c.trackingNumber,
                c.opdCode, CLOCK, c.state(), Wib.of(c.deadline), Wib.of(c.startedAt)),
                Clock.fixed(cause.occurredAt().toInstant(), Wib.ZONE)));
    }
}
