package id.aduan.intake.domain;

import id.aduan.events.CitizenResponded;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.EventEnvelope;
import id.aduan.events.WorkingDays;
import id.aduan.events.Topics;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.support.messaging.EventPublisher;
import id.aduan.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The citizen's turns in the conversation, with the token they got at submission: answer a question (the deadline
 * resumes), confirm a resolution with a rating, or reopen it within {@value #REOPEN_WORKING_DAYS} working days.
 * Intake checks what it can see (the token, the status) and writes CitizenResponded to its outbox in the same
 * transaction; the relay sends it within a second, and the inbox, which owns the status, applies it.
 */
@ApplicationScoped
public class CitizenConversation {

    public static final int REOPEN_WORKING_DAYS = 10;

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    EventPublisher publisher;


    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Void> respond(String trackingNumber, String token, String kind, String message, Integer rating) {
        return find(trackingNumber)
                .map(row -> check(row, token, kind))
                .chain(row -> publisher.stage(Topics.COMPLAINTS_CITIZEN, EventEnvelope.of(UUID.randomUUID(),
                        row.complaintId, row.complaintId, null,
                        new CitizenResponded(row.trackingNumber, kind, message, rating), clock)));
    }

    /** Until when a resolution can be reopened, or {@code null} when it cannot (any more). */
    public OffsetDateTime reopenUntil(ComplaintStatusRecord row) {
        if (row.resolvedAt == null
                || row.status != ComplaintStatus.RESOLVED && row.status != ComplaintStatus.CLOSED) {
            return null;
        }
        OffsetDateTime until = WorkingDays.endOfWorkingDaysAfter(row.resolvedAt, REOPEN_WORKING_DAYS);
        return until.isAfter(OffsetDateTime.now(clock)) ? until : null;
    }

    private Uni<ComplaintStatusRecord> find(String trackingNumber) {
        String canonical = TrackingNumbers.canonical(trackingNumber)
                .orElseThrow(() -> new ProblemException(404, "complaint-not-found"));
        return statuses.findByTrackingNumber(canonical)
                .onItem().ifNull().failWith(() -> new ProblemException(404, "complaint-not-found"));
    }

    private ComplaintStatusRecord check(ComplaintStatusRecord row, String token, String kind) {
        if (!CitizenTokens.matches(token, row.citizenTokenHash)) {
            throw new ProblemException(403, "citizen-token-invalid");
        }
        boolean now = switch (kind) {
            case CitizenResponded.REPLY -> row.status == ComplaintStatus.WAITING_FOR_CITIZEN;
            case CitizenResponded.CONFIRM -> row.status == ComplaintStatus.RESOLVED;
            case CitizenResponded.REOPEN -> reopenUntil(row) != null;
            default -> false;
        };
        if (!now) {
            throw new ProblemException(409, "citizen-not-now-" + kind.toLowerCase(), row.status.name());
        }
        return row;
    }
}
