package id.aduan.inbox.domain;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventIds;
import id.aduan.events.Topics;
import id.aduan.events.Wib;
import id.aduan.inbox.persistence.ComplaintEventRecord;
import id.aduan.inbox.persistence.ComplaintEventRepository;
import id.aduan.inbox.persistence.OpdSuccessionRepository.Successor;
import id.aduan.support.messaging.EventPublisher;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A complaint moved to a merged OPD's successor: one step in its history and one TRANSFER event through the outbox,
 * in the caller's transaction. The event id derives from the cause (the merger, or the late routing) and the
 * complaint, so re-processing a redelivered cause can never announce a second transfer.
 */
final class Transfers {

    static final String ACTOR = "system";

    private Transfers() {
    }

    /** The reason the event and the history give, e.g. "DINSOS-PROV digabung ke DINSOSNAKER-PROV sejak 2027-01-04". */
    static String reason(String fromCode, String intoCode, LocalDate effectiveOn) {
        return fromCode + " digabung ke " + intoCode + " sejak " + effectiveOn;
    }

    static Uni<Void> record(ComplaintEventRepository history, EventPublisher publisher, UUID causeId, UUID complaintId, String trackingNumber,
            ComplaintStatus status, Successor into, String reason, OffsetDateTime at) {
        String intoCode = into.code();
        EventEnvelope event = EventEnvelope.of(EventIds.derived(causeId, "transfer/" + complaintId), complaintId,
                complaintId, causeId,
                ComplaintStatusChanged.transfer(trackingNumber, intoCode, into.name(), into.liaison(), status, ACTOR,
                        reason),
                Clock.fixed(at.toInstant(), Wib.ZONE));
        ComplaintEventRecord step = new ComplaintEventRecord();
        step.eventId = event.eventId();
        step.complaintId = complaintId;
        step.type = event.type();
        step.occurredAt = event.occurredAt();
        step.opdCode = intoCode;
        step.action = ComplaintAction.TRANSFER.name();
        step.actor = ACTOR;
        step.actorName = "sistem";
        step.summary = reason;
        return history.persist(step).chain(() -> publisher.stage(Topics.COMPLAINTS_STATUS, event));
    }
}
