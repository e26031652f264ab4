package id.aduan.inbox.domain;

import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.EventEnvelope;
import id.aduan.events.RoutingDecision;
import id.aduan.inbox.persistence.ComplaintEventRecord;
import id.aduan.inbox.persistence.ComplaintEventRepository;
import id.aduan.inbox.persistence.InboxComplaint;
import id.aduan.inbox.persistence.InboxComplaintRepository;
import id.aduan.inbox.persistence.SlaClockViewRepository;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Puts routed complaints into their OPD's inbox. A redelivered event changes nothing (deduplicated by event id in
 * the same transaction); a re-route moves the complaint to its new OPD and adds a step to its history.
 */
@ApplicationScoped
public class InboxProjection {

    static final String CONSUMER = "inbox-routed";

    @Inject
    InboxComplaintRepository complaints;

    @Inject
    ComplaintEventRepository history;

    @Inject
    SlaClockViewRepository slaClocks;

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
        return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                ? complaints.findById(event.complaintId())
                        .chain(existing -> existing == null ? insert(event, routed) : reroute(existing, event, routed))
                        .chain(() -> record(event, routed.routing()))
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> insert(EventEnvelope event, ComplaintRouted routed) {
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
        assign(complaint, event, routed.routing());
        // Its deadline clock may have been announced already.
        return complaints.persist(complaint).call(complaints::flush)
                .chain(() -> slaClocks.copyToComplaint(complaint.id));
    }

    private Uni<Void> reroute(InboxComplaint complaint, EventEnvelope event, ComplaintRouted routed) {
        if (event.occurredAt().isBefore(complaint.updatedAt)) {
            return Uni.createFrom().voidItem(); // an older routing than the one in force: history only
        }
        complaint.status = ComplaintStatus.ROUTED;
        assign(complaint, event, routed.routing());
        return Uni.createFrom().voidItem();
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
