package id.aduan.inbox.domain;

import id.aduan.support.messaging.EventPublisher;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.EventEnvelope;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Wib;
import id.aduan.inbox.persistence.ComplaintEventRecord;
import id.aduan.inbox.persistence.ComplaintEventRepository;
import id.aduan.inbox.persistence.InboxComplaint;
import id.aduan.inbox.persistence.InboxComplaintRepository;
import id.aduan.inbox.persistence.OpdSuccessionRepository;
import id.aduan.inbox.persistence.OpdSuccessionRepository.Mergers;
import id.aduan.inbox.persistence.OpdSuccessionRepository.Successor;
import id.aduan.inbox.persistence.SlaClockViewRepository;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Puts routed complaints into their OPD's inbox. A redelivered event changes nothing (deduplicated by event id in
 * the same transaction); a re-route moves the complaint to its new OPD and adds a step to its history. A routing to
 * an OPD that has merged (routing sent it before the merger, or before it read it) is stored under the successor
 * instead, with a TRANSFER step and event, as if the merger had moved it.
 */
@ApplicationScoped
public class InboxProjection {

    static final String CONSUMER = "inbox-routed";

    @Inject
    InboxComplaintRepository complaints;

    @Inject
    ComplaintEventRepository history;

    @Inject
    EventPublisher publisher;

    @Inject
    SlaClockViewRepository slaClocks;

    @Inject
    OpdSuccessionRepository successions;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        ComplaintRouted routed = event.payload(ComplaintRouted.class).orElse(null);
        if (routed == null) {
            return Uni.createFrom().voidItem(); // not for this consumer, or a type this version does not know
        }
        if (routed.complaint() == null || routed.routing() == null || routed.routing().opdCode() == null
                || routed.complaint().trackingNumber() == null || routed.complaint().description() == null) {
            return Uni.createFrom().failure(
                    new PoisonEventException("ComplaintRouted " + event.eventId() + " lacks its complaint or OPD"));
        }
        // Whoever holds the work today, also for a routing sent before the merger's day and read after it: the
        // merger has moved that OPD's open complaints already, and would otherwise miss this one for good.
        LocalDate routedOn = event.occurredAt().atZoneSameInstant(Wib.ZONE).toLocalDate();
        LocalDate today = Wib.now(clock).toLocalDate();
        LocalDate day = routedOn.isAfter(today) ? routedOn : today;
        return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                ? successions.inForceOn(day).chain(mergers -> store(event, routed, mergers))
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> store(EventEnvelope event, ComplaintRouted routed, Mergers mergers) {
        Successor successor = mergers.successorOf(routed.routing().opdCode());
        RoutingDecision routing = inForce(routed.routing(), successor, mergers);
        return complaints.findById(event.complaintId())
                .chain(existing -> existing == null ? insert(event, routed, routing)
                        : reroute(existing, event, routing))
                .call(() -> record(event, routed.routing()))
                .chain(applied -> applied && successor != null
                        ? transfer(event, routed, successor) : Uni.createFrom().voidItem());
    }

    /** The decision with the merged OPD (or liaison) replaced by whoever holds its work on that day. */
    private static RoutingDecision inForce(RoutingDecision routing, Successor successor, Mergers mergers) {
        String liaison = successor == null ? routing.liaisonOpdCode() : successor.liaison();
        Successor l = liaison == null ? null : mergers.successorOf(liaison);
        return new RoutingDecision(
                successor == null ? routing.opdCode() : successor.code(),
                successor == null ? routing.opdName() : successor.name() == null ? successor.code() : successor.name(),
                routing.ruleId(), routing.ruleVersion(), routing.explanation(), routing.hop(),
                routing.previousOpdCode(), l == null ? liaison : l.code());
    }

    /** The step from the routed OPD to its successor, announced like a merger's move. */
    private Uni<Void> transfer(EventEnvelope event, ComplaintRouted routed, Successor successor) {
        OffsetDateTime now = Wib.now(clock);
        OffsetDateTime at = now.isBefore(event.occurredAt()) ? event.occurredAt() : now;
        return Transfers.record(history, publisher, event.eventId(), event.complaintId(), routed.complaint().trackingNumber(),
                ComplaintStatus.ROUTED, successor,
                Transfers.reason(routed.routing().opdCode(), successor.code(), successor.effectiveOn()), at);
    }

    private Uni<Boolean> insert(EventEnvelope event, ComplaintRouted routed, RoutingDecision routing) {
        ComplaintSnapshot c = routed.complaint();
        InboxComplaint complaint = new InboxComplaint();
        complaint.id = event.complaintId();
        complaint.trackingNumber = c.trackingNumber();
        complaint.category = c.category().code();
        complaint.regionCode = c.regionCode();
        complaint.description = c.description();
        complaint.address = c.address();
        complaint.latitude = c.location() == null ? null : c.location().latitude();
        complaint.longitude = c.location() == null ? null : c.location().longitude();
        complaint.channel = c.channel() == null ? "unknown" : c.channel();
        complaint.submittedAt = c.submittedAt() == null ? event.occurredAt() : c.submittedAt();
        complaint.anonymous = c.anonymous();
        complaint.confidential = c.confidential();
        complaint.possibleDuplicateOf = c.possibleDuplicateOf();
        complaint.triageReasons = c.needsTriage() ? String.join(",", c.normalization().triageReasons()) : null;
        complaint.status = ComplaintStatus.ROUTED;
        complaint.routedAt = event.occurredAt();
        assign(complaint, event, routing);
        // Its deadline clock may have been announced already.
        return complaints.persist(complaint).call(complaints::flush)
                .chain(() -> slaClocks.copyToComplaint(complaint.id)).replaceWith(true);
    }

    /** @return whether the routing is now in force (an older one than the one in force only adds history) */
    private Uni<Boolean> reroute(InboxComplaint complaint, EventEnvelope event, RoutingDecision routing) {
        if (event.occurredAt().isBefore(complaint.updatedAt)) {
            return Uni.createFrom().item(false);
        }
        complaint.status = ComplaintStatus.ROUTED;
        assign(complaint, event, routing);
        return Uni.createFrom().item(true);
    }

    private static void assign(InboxComplaint complaint, EventEnvelope event, RoutingDecision routing) {
        complaint.opdCode = routing.opdCode();
        complaint.opdName = routing.opdName();
        complaint.ruleId = routing.ruleId();
        complaint.ruleVersion = routing.ruleVersion();
        complaint.explanation = routing.explanation();
        complaint.hop = routing.hop();
        complaint.liaisonOpdCode = routing.liaisonOpdCode();
        complaint.updatedAt = event.occurredAt();
    }

    private Uni<Void> record(EventEnvelope event, RoutingDecision routing) {
        ComplaintEventRecord step = new ComplaintEventRecord();
        step.eventId = event.eventId();
        step.complaintId = event.complaintId();
        step.type = event.type();
        step.occurredAt = event.occurredAt();
        step.opdCode = routing.opdCode();
        step.summary = routing.explanation();
        return history.persist(step).replaceWithVoid();
    }
}
