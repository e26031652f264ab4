package id.aduan.intake.domain;

import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.Location;
import id.aduan.events.Region;
import id.aduan.events.Topics;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.domain.SubmissionResult.Accepted;
import id.aduan.intake.domain.SubmissionResult.Cause;
import id.aduan.intake.domain.SubmissionResult.InProgress;
import id.aduan.intake.domain.SubmissionResult.Invalid;
import id.aduan.intake.domain.SubmissionResult.KeyReused;
import id.aduan.intake.domain.SubmissionResult.Reason;
import id.aduan.intake.domain.SubmissionResult.Unavailable;
import id.aduan.intake.domain.SubmissionResult.Violation;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.IdempotencyKeyRecord;
import id.aduan.intake.persistence.IdempotencyKeyRepository;
import id.aduan.intake.persistence.PhotoRecord;
import id.aduan.intake.persistence.PhotoRepository;
import id.aduan.intake.persistence.ReporterContactRecord;
import id.aduan.intake.persistence.ReporterContactRepository;
import id.aduan.support.messaging.EventPublisher;
import id.aduan.support.messaging.EventPublisher.Outgoing;
import id.aduan.support.messaging.EventPublisher.Staged;
import id.aduan.support.messaging.TransientFailures;
import id.aduan.support.messaging.UnacknowledgedException;
import id.aduan.support.persistence.SqlStates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The one way a complaint is submitted, whatever door it came through: the province's rules, the reading
 * (normalization), the idempotency key, the reservation and the publication, and one {@link SubmissionResult}.
 *
 * <p>A complaint is reserved (its status row, contact, photo and key) together with its ComplaintSubmitted event in
 * intake's outbox, in one transaction; then the event is forwarded to Kafka and the tracking number handed out
 * once Kafka has acknowledged it. When Kafka does not acknowledge in time the outcome is unknown, not failed: the
 * reservation stays, the outbox relay keeps sending it after its hold, and a retry with the same key gets the same
 * tracking number. The event's id derives from the complaint's, so every second publication is a copy that every
 * consumer drops. Nothing is ever released: an accepted complaint is never lost, and never doubled.
 *
 * <p>A complaint of the same category within {@link #DUPLICATE_METRES} m or in the same desa in the
 * {@link #DUPLICATE_WINDOW} before is linked to the earlier one as a possible duplicate; it is never discarded.
 */
@ApplicationScoped
public class SubmitComplaint {

    static final double DUPLICATE_METRES = 250;
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(SubmitComplaint.class);
    /** A retry while the first request may still be waiting for Kafka is asked to come back this soon. */
    private static final int IN_PROGRESS_RETRY_SECONDS = 1;

    @Inject
    ComplaintNormalizer normalizer;

    @Inject
    RegionDirectory regions;

    @Inject
    EventPublisher publisher;

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    ReporterContactRepository contacts;

    @Inject
    IdempotencyKeyRepository keys;

    @Inject
    PhotoRepository photos;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** Submissions in progress now (shared by every request on purpose: it is the bound). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private Counter refused;

    @PostConstruct
    void meters() {
        metrics.gauge("aduan.intake.submissions.in.flight", inFlight);
        refused = Counter.builder("aduan.intake.submissions.refused").tag("reason", "overloaded")
                .description("Submissions refused because too many were in progress").register(metrics);
    }

    /**
     * Submits the complaint, unless {@code aduan.intake.max-in-flight} submissions are in progress already: then it
     * is refused at once (OVERLOADED), before any work is done on it.
     */
    public Uni<SubmissionResult> submit(SubmissionCommand command) {
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            refused.increment();
            // A keyless client gets a key here too, so that every 503 it reads says how to retry the same way.
            return Uni.createFrom().item(new Unavailable(Cause.OVERLOADED, config.retryAfterSeconds(),
                    retryKey(command.idempotency())));
        }
        return Uni.createFrom().deferred(() -> admitted(command)).onTermination().invoke(inFlight::decrementAndGet);
    }

    private Uni<SubmissionResult> admitted(SubmissionCommand command) {
        Location at = command.location();
        if (at != null && !normalizer.inProvince(at)) {
            return invalid("location", Reason.LOCATION_OUTSIDE_PROVINCE);
        }
        ComplaintNormalizer.Reading reading = normalizer.read(command.input());
        if (reading.region().isEmpty()) {
            return invalid("region", Reason.REGION_NOT_FOUND);
        }
        ComplaintDraft draft = ComplaintDraft.of(reading, at, command.channel(), command.contact(),
                command.anonymous(), command.confidential()).withPhoto(command.photo());
        Idempotency key = command.idempotency();
        UUID complaintId = UUID.randomUUID();
        String citizenToken = CitizenTokens.next();
        return Uni.createFrom().deferred(() -> reserve(complaintId, draft, citizenToken, key))
                .chain(reserved -> {
                    if (reserved instanceof Fresh fresh) {
                        return forward(fresh.event(), fresh.accepted(), key);
                    }
                    if (reserved instanceof Existing existing) {
                        return resume(existing);
                    }
                    return Uni.createFrom().<SubmissionResult>item(new KeyReused());
                })
                // Two requests with one new key at once: the loser of the key's insert waits for the winner.
                .onFailure(SqlStates::isUniqueViolation).recoverWithItem(new InProgress(IN_PROGRESS_RETRY_SECONDS))
                // Most likely nothing was stored; if the commit did get through, the same key finds it.
                .onFailure(TransientFailures::isTransient).recoverWithItem(e -> {
                    LOG.warnf("Submission not confirmed stored, the database is unavailable: %s", e.toString());
                    return new Unavailable(Cause.STORAGE, config.retryAfterSeconds(), retryKey(key));
                });
    }

    private static Uni<SubmissionResult> invalid(String field, Reason reason) {
        return Uni.createFrom().item(new Invalid(List.of(new Violation(field, reason))));
    }

    // --- The reservation ---

    private sealed interface Reservation {
    }

    /** A new complaint, stored with its event in the outbox. */
    private record Fresh(EventEnvelope event, Accepted accepted) implements Reservation {
    }

    /** The key was used before with the same content: that complaint, and its event if still in the outbox. */
    private record Existing(ComplaintStatusRecord row, IdempotencyKeyRecord key, Optional<Staged> staged)
            implements Reservation {
    }

    /** The key was used before with other content. */
    private record Reused() implements Reservation {
    }

    @WithTransaction
    Uni<Reservation> reserve(UUID complaintId, ComplaintDraft draft, String citizenToken, Idempotency key) {
        if (key == null || key.minted()) {
            // A key the door just made up is new: stored with the reservation, for the 503 to hand out.
            return store(complaintId, draft, citizenToken, key);
        }
        return keys.findById(key.key()).chain(used -> {
            if (used == null) {
                return store(complaintId, draft, citizenToken, key);
            }
            if (!used.requestHash.equals(key.requestHash())) {
                return Uni.createFrom().item(new Reused());
            }
            return statuses.findById(used.complaintId).chain(row -> row == null || row.confirmed
                    ? Uni.createFrom().item(new Existing(row, used, Optional.empty()))
                    : publisher.find(submittedEventId(row.complaintId))
                            .map(staged -> new Existing(row, used, staged)));
        });
    }

    private Uni<Reservation> store(UUID complaintId, ComplaintDraft draft, String citizenToken, Idempotency key) {
        OffsetDateTime now = EventEnvelope.now(clock);
        return earlierNearby(draft, now).chain(duplicateOf -> {
            String trackingNumber = TrackingNumbers.next();
            EventEnvelope submitted = EventEnvelope.first(complaintId, new ComplaintSubmitted(new ComplaintSnapshot(
                    trackingNumber, draft.category(), draft.region().code(), draft.description(), draft.address(),
                    draft.location(), draft.channel(), now, draft.anonymous(), draft.confidential(),
                    draft.normalization(), duplicateOf)), now);
            ComplaintStatusRecord row = new ComplaintStatusRecord();
            row.complaintId = complaintId;
            row.trackingNumber = trackingNumber;
            row.category = draft.category().code();
            row.regionCode = draft.region().code();
            row.status = ComplaintStatus.SUBMITTED;
            row.submittedAt = now;
            row.statusAt = now;
            row.confirmed = false;
            row.anonymous = draft.anonymous();
            row.confidential = draft.confidential();
            row.citizenTokenHash = CitizenTokens.hash(citizenToken);
            row.latitude = draft.location() == null ? null : draft.location().latitude();
            row.longitude = draft.location() == null ? null : draft.location().longitude();
            row.placeCode = draft.placeCode();
            row.duplicateOf = duplicateOf;
            row.description = draft.description();
            row.address = draft.address();
            // The other rows refer to the status row: it goes first.
            Uni<?> stored = statuses.persist(row).call(statuses::flush);
            ComplaintDraft.ReporterContact contact = draft.contact();
            // Anonim: no contact is kept at all.
            if (contact != null && !contact.isEmpty() && !draft.anonymous()) {
                ReporterContactRecord reporter = new ReporterContactRecord();
                reporter.complaintId = complaintId;
                reporter.name = contact.name();
                reporter.phone = contact.phone();
                reporter.email = contact.email();
                stored = stored.call(() -> contacts.persist(reporter));
            }
            if (draft.photo() != null) {
                PhotoRecord photo = new PhotoRecord();
                photo.complaintId = complaintId;
                photo.contentType = draft.photo().contentType();
                photo.width = draft.photo().width();
                photo.height = draft.photo().height();
                photo.bytes = draft.photo().bytes();
                stored = stored.call(() -> photos.persist(photo));
            }
            if (key != null) {
                stored = stored.call(() -> keys.persist(keyRecord(key, complaintId, citizenToken)));
            }
            return stored
                    .call(() -> publisher.stageHeld(List.of(new Outgoing(Topics.COMPLAINTS_SUBMITTED, submitted)),
                            relayHold()))
                    .call(statuses::flush)
                    .replaceWith(new Fresh(submitted, new Accepted(complaintId, trackingNumber, now, citizenToken,
                            draft.category(), draft.region())));
        });
    }

    private static IdempotencyKeyRecord keyRecord(Idempotency key, UUID complaintId, String citizenToken) {
        IdempotencyKeyRecord record = new IdempotencyKeyRecord();
        record.key = key.key();
        record.requestHash = key.requestHash();
        record.complaintId = complaintId;
        record.citizenToken = citizenToken;
        return record;
    }

    /** The relay keeps off a forwarded event until its forward has surely given up. */
    private Duration relayHold() {
        return config.publishTimeout().multipliedBy(2);
    }

    /** The id of a complaint's ComplaintSubmitted: derived from the complaint, the same for every publication. */
    static UUID submittedEventId(UUID complaintId) {
        return EventEnvelope.firstEventId(complaintId, ComplaintSubmitted.TYPE);
    }

    // --- The publication ---

    /** Sends the reserved event now; answers with the tracking number once Kafka has it. */
    private Uni<SubmissionResult> forward(EventEnvelope event, Accepted accepted, Idempotency key) {
        return publisher.forward(List.of(new Outgoing(Topics.COMPLAINTS_SUBMITTED, event)), config.publishTimeout())
                .chain(() -> confirmed(accepted))
                .onFailure(UnacknowledgedException.class).recoverWithUni(e -> unknown(accepted, key, e));
    }

    /** The key was seen before: the same complaint, sent again if Kafka may not have it yet. */
    private Uni<SubmissionResult> resume(Existing existing) {
        ComplaintStatusRecord row = existing.row();
        if (row == null) {
            return Uni.createFrom().item(new InProgress(IN_PROGRESS_RETRY_SECONDS));
        }
        Region region = regions.byCode(row.regionCode).orElse(null);
        Accepted accepted = new Accepted(row.complaintId, row.trackingNumber, row.submittedAt,
                existing.key().citizenToken, row.categoryCode(), region);
        if (row.confirmed || existing.staged().isEmpty() || existing.staged().get().sent()) {
            // On Kafka (the outbox says so even if the status feed has not caught up).
            return row.confirmed ? Uni.createFrom().item(accepted) : confirmed(accepted);
        }
        if (Duration.between(row.submittedAt, OffsetDateTime.now(clock)).compareTo(config.publishTimeout()) < 0) {
            return Uni.createFrom().item(new InProgress(IN_PROGRESS_RETRY_SECONDS));
        }
        return publisher.forward(existing.staged().get(), config.publishTimeout())
                .chain(() -> confirmed(accepted))
                .onFailure(UnacknowledgedException.class).recoverWithUni(e -> unknown(accepted, null, e));
    }

    /** Kafka has it: marked sent (the relay leaves it) and confirmed (public), best effort (the feed confirms too). */
    private Uni<SubmissionResult> confirmed(Accepted accepted) {
        return Uni.createFrom().deferred(() -> confirm(accepted.complaintId()))
                .onFailure().invoke(e -> LOG.warnf("Complaint %s is on Kafka, not yet marked so: %s",
                        accepted.complaintId(), e.toString()))
                .onFailure().recoverWithNull()
                .replaceWith(accepted);
    }

    @WithTransaction
    Uni<Void> confirm(UUID complaintId) {
        return publisher.markSent(List.of(submittedEventId(complaintId)))
                .chain(() -> statuses.markConfirmed(complaintId)).replaceWithVoid();
    }

    /**
     * Kafka did not acknowledge in time: the outcome is unknown. The reservation stays and the relay sends it after
     * its hold; a client that sent no key gets the one the door made up, to retry with.
     */
    private Uni<SubmissionResult> unknown(Accepted accepted, Idempotency key, Throwable failure) {
        LOG.warnf("Complaint %s not acknowledged by Kafka yet (kept, sent again later): %s", accepted.complaintId(),
                failure.getMessage());
        return Uni.createFrom().item(new Unavailable(Cause.BROKER, config.retryAfterSeconds(), retryKey(key)));
    }

    /** The key to hand a client that sent none. */
    private static String retryKey(Idempotency key) {
        return key != null && key.minted() ? key.key() : null;
    }

    // --- Possible duplicates ---

    /** The earliest complaint this one may repeat (or the one that one repeats), or {@code null}. */
    private Uni<UUID> earlierNearby(ComplaintDraft draft, OffsetDateTime now) {
        Location at = draft.location();
        String desa = draft.placeCode();
        if (at == null && desa == null) {
            return Uni.createFrom().nullItem();
        }
        double box = DUPLICATE_METRES / 111_000.0 * 1.5;
        return statuses.nearby(draft.category().code(), now.minus(DUPLICATE_WINDOW), desa,
                        at == null ? null : at.latitude(), at == null ? null : at.longitude(), box)
                .map(candidates -> firstDuplicate(candidates, draft));
    }

    private static UUID firstDuplicate(List<ComplaintStatusRecord> candidates, ComplaintDraft draft) {
        for (ComplaintStatusRecord earlier : candidates) {
            boolean samePlace = draft.placeCode() != null && draft.placeCode().equals(earlier.placeCode);
            boolean near = draft.location() != null && earlier.latitude != null && earlier.longitude != null
                    && metres(draft.location(), earlier.latitude, earlier.longitude) <= DUPLICATE_METRES;
            if (samePlace || near) {
                return earlier.duplicateOf != null ? earlier.duplicateOf : earlier.complaintId;
            }
        }
        return null;
    }

    /** Great-circle distance (haversine), plenty exact at 250 m. */
    static double metres(Location a, double latitude, double longitude) {
        double dLat = Math.toRadians(latitude - a.latitude());
        double dLon = Math.toRadians(longitude - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }
}
