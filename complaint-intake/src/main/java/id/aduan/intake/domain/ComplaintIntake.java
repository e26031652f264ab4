package id.aduan.intake.domain;

import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.intake.messaging.ComplaintPublisher;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.ReporterContactRecord;
import id.aduan.intake.persistence.ReporterContactRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a complaint: reserve its status row (and contact), publish ComplaintSubmitted, and only once Kafka has
 * acknowledged it, hand out the tracking number. If Kafka does not acknowledge, the reservation is released and
 * nothing is promised. The status feed confirms the reservation when it reads the event back from Kafka; one whose
 * event never got there (intake died in between) is purged by {@link UnconfirmedReservations}.
 */
@ApplicationScoped
public class ComplaintIntake {

    private static final Logger LOG = Logger.getLogger(ComplaintIntake.class);

    @Inject
    ComplaintPublisher publisher;

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    ReporterContactRepository contacts;

    @Inject
    Clock clock;

    public Uni<AcceptedComplaint> submit(ComplaintDraft draft) {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = TrackingNumbers.next();
        OffsetDateTime now = EventEnvelope.now(clock);
        EventEnvelope submitted = EventEnvelope.first(complaintId, new ComplaintSubmitted(new ComplaintSnapshot(
                trackingNumber, draft.category(), draft.region().code(), draft.description(), draft.address(),
                draft.location(), draft.channel(), now, draft.anonymous(), draft.confidential())), now);
        String citizenToken = CitizenTokens.next();

        return reserve(submitted, draft.contact(), CitizenTokens.hash(citizenToken))
                .chain(() -> publisher.publish(submitted))
                .onFailure().call(failure -> release(complaintId)
                        .onFailure().invoke(e -> LOG.warnf("Reservation %s not released: %s", complaintId, e))
                        .onFailure().recoverWithNull())
                .map(ignored -> new AcceptedComplaint(complaintId, trackingNumber, submitted.occurredAt(),
                        citizenToken));
    }

    @WithTransaction
    Uni<Void> reserve(EventEnvelope event, ComplaintDraft.ReporterContact contact, String citizenTokenHash) {
        ComplaintSnapshot complaint = event.payload(ComplaintSubmitted.class).orElseThrow().complaint();
        ComplaintStatusRecord row = new ComplaintStatusRecord();
        row.complaintId = event.complaintId();
        row.trackingNumber = complaint.trackingNumber();
        row.category = complaint.category().code();
        row.regionCode = complaint.regionCode();
        row.status = ComplaintStatus.SUBMITTED;
        row.submittedAt = event.occurredAt();
        row.statusAt = event.occurredAt();
        row.confirmed = false;
        row.anonymous = complaint.anonymous();
        row.confidential = complaint.confidential();
        row.citizenTokenHash = citizenTokenHash;
        Uni<?> stored = statuses.persist(row);
        if (contact != null && !contact.isEmpty()) {
            ReporterContactRecord reporter = new ReporterContactRecord();
            reporter.complaintId = event.complaintId();
            reporter.name = contact.name();
            reporter.phone = contact.phone();
            reporter.email = contact.email();
            // The contact row refers to the status row: flush that first.
            stored = stored.call(statuses::flush).call(() -> contacts.persist(reporter));
        }
        return stored.replaceWithVoid();
    }

    @WithTransaction
    Uni<Void> release(UUID complaintId) {
        return statuses.deleteById(complaintId).replaceWithVoid();
    }
}
