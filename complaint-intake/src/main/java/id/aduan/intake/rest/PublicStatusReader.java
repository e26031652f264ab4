package id.aduan.intake.rest;

import id.aduan.events.Category;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.Region;
import id.aduan.events.Wib;
import id.aduan.intake.domain.CitizenConversation;
import id.aduan.intake.domain.RegionDirectory;
import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.PublicMessageRecord;
import id.aduan.intake.persistence.PublicMessageRepository;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** The public status of a complaint, from intake's read model: for the JSON API and the status page alike. */
@ApplicationScoped
public class PublicStatusReader {

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    PublicMessageRepository messages;

    @Inject
    RegionDirectory regions;

    @Inject
    CitizenConversation conversation;

    /** Needs a session; fails with 404 problem details for an unknown or malformed tracking number. */
    public Uni<PublicStatus> read(String trackingNumber, Locale locale) {
        String canonical = TrackingNumbers.canonical(trackingNumber)
                .orElseThrow(() -> new ProblemException(404, "complaint-not-found"));
        return statuses.findByTrackingNumber(canonical)
                // A reservation Kafka has not confirmed yet was promised to nobody: not public.
                .map(row -> row == null || !row.confirmed ? null : row)
                .onItem().ifNull().failWith(() -> new ProblemException(404, "complaint-not-found"))
                .chain(row -> messages.of(row.complaintId).map(words -> view(row, words, locale)));
    }

    private PublicStatus view(ComplaintStatusRecord row, List<PublicMessageRecord> words, Locale locale) {
        Category category = row.categoryCode();
        String regionName = regions.byCode(row.regionCode).map(Region::name).orElse(null);
        return new PublicStatus(row.trackingNumber, row.status.name(), category.code(),
                category.label(ProblemMessages.INDONESIAN.equals(locale)), row.regionCode, regionName, row.opdCode,
                row.opdName, Wib.of(row.submittedAt), Wib.of(row.statusAt),
                row.status == ComplaintStatus.WAITING_FOR_CITIZEN, row.status == ComplaintStatus.RESOLVED,
                Wib.of(conversation.reopenUntil(row)),
                words.stream().map(w -> new PublicStatus.Message(Wib.of(w.occurredAt), w.author, w.action,
                        w.message)).toList());
    }
}
