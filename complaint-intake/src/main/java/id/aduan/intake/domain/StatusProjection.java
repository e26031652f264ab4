package id.aduan.intake.domain;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.PublicMessageRecord;
import id.aduan.intake.persistence.PublicMessageRepository;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * Keeps intake's public status read model in step with the events, so that a status request never calls another
 * service. Each event is applied once (deduplicated by event id), and an older event never overwrites a newer
 * status, whatever order the topics deliver them in.
 */
@ApplicationScoped
public class StatusProjection {

    static final String CONSUMER = "intake-status-projection";

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    PublicMessageRepository messages;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        if (event.payload() == null) {
            return Uni.createFrom().voidItem(); // an event type this version does not know
        }
        return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                ? statuses.findById(event.complaintId()).chain(row -> applyTo(row, event))
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> applyTo(ComplaintStatusRecord existing, EventEnvelope event) {
        if (existing != null) {
            existing.confirmed = true; // any event of the complaint proves that its submission reached Kafka
        }
        if (event.payload() instanceof ComplaintSubmitted submitted && existing == null) {
            return insert(event, submitted.complaint(), ComplaintStatus.SUBMITTED, null, null, null);
        }
        if (event.payload() instanceof ComplaintRouted routed) {
            if (existing == null) {
                return insert(event, routed.complaint(), ComplaintStatus.ROUTED, routed.routing().opdCode(),
                        routed.routing().opdName(), routed.routing().liaisonOpdCode());
            }
            if (!event.occurredAt().isBefore(existing.statusAt)) {
                existing.liaisonOpdCode = routed.routing().liaisonOpdCode();
            }
            return update(existing, event.occurredAt(), ComplaintStatus.ROUTED, routed.routing().opdCode(),
                    routed.routing().opdName());
        }
        if (event.payload() instanceof ComplaintStatusChanged changed && existing != null) {
            boolean newer = !event.occurredAt().isBefore(existing.statusAt);
            if (changed.status() == ComplaintStatus.RESOLVED && newer) {
                existing.resolvedAt = event.occurredAt();
            }
            boolean transfer = changed.action() == ComplaintAction.TRANSFER;
            if (transfer && newer) {
                // The old OPD's liaison no longer follows it up, so it no longer sees the reporter's contact; the
                // successor's liaison (if any) does.
                existing.liaisonOpdCode = changed.liaisonOpdCode();
            }
            return update(existing, event.occurredAt(), changed.status(), changed.opdCode(),
                    transfer ? changed.opdName() : null)
                    .chain(() -> publicWords(event, changed));
        }
        return Uni.createFrom().voidItem();
    }

    /** The OPD's reply, question or resolution, or the citizen's answer: what the citizen's page shows. */
    private Uni<Void> publicWords(EventEnvelope event, ComplaintStatusChanged changed) {
        if (changed.publicMessage() == null || changed.publicMessage().isBlank()
                || changed.action() == ComplaintAction.NOTE) {
            return Uni.createFrom().voidItem();
        }
        PublicMessageRecord words = new PublicMessageRecord();
        words.eventId = event.eventId();
        words.complaintId = event.complaintId();
        words.occurredAt = event.occurredAt();
        words.action = changed.action() == null ? ComplaintAction.UNKNOWN.name() : changed.action().name();
        words.author = "citizen".equals(changed.actor()) ? PublicMessageRecord.CITIZEN : PublicMessageRecord.OPD;
        words.message = changed.publicMessage();
        return messages.persist(words).replaceWithVoid();
    }

    /**
     * The newest status wins; an older event may still fill in the OPD's name that a newer one lacked. A status
     * change names its OPD by code only: when it moves the complaint to another OPD (a transfer after a merger, or a
     * status read before its routing), the page shows that code until a name comes, never the name of the OPD it
     * left.
     */
    private static Uni<Void> update(ComplaintStatusRecord row, OffsetDateTime at, ComplaintStatus status,
            String opdCode, String opdName) {
        boolean newer = !at.isBefore(row.statusAt);
        if (newer && status != ComplaintStatus.UNKNOWN) {
            row.status = status;
            row.statusAt = at;
            if (opdCode != null && !opdCode.equals(row.opdCode)) {
                row.opdCode = opdCode;
                row.opdName = opdName != null ? opdName : opdCode;
            } else if (opdName != null) {
                row.opdName = opdName;
            }
        } else if (opdName != null && opdCode != null && opdCode.equals(row.opdCode)
                && (row.opdName == null || row.opdName.equals(row.opdCode))) {
            row.opdName = opdName;
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> insert(EventEnvelope event, ComplaintSnapshot complaint, ComplaintStatus status, String opdCode,
            String opdName, String liaisonOpdCode) {
        ComplaintStatusRecord row = new ComplaintStatusRecord();
        row.complaintId = event.complaintId();
        row.trackingNumber = complaint.trackingNumber();
        row.category = complaint.category().code();
        row.regionCode = complaint.regionCode();
        row.status = status;
        row.opdCode = opdCode;
        row.opdName = opdName;
        row.liaisonOpdCode = liaisonOpdCode;
        row.submittedAt = complaint.submittedAt() != null ? complaint.submittedAt() : event.occurredAt();
        row.statusAt = event.occurredAt();
        row.confirmed = true;
        row.anonymous = complaint.anonymous();
        row.confidential = complaint.confidential();
        return statuses.persist(row).replaceWithVoid();
    }
}
